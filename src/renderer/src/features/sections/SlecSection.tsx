import { SectionComing } from '../../components/SectionComing';

export function SlecSection() {
  return <SectionComing titleKey="nav.slec" />;
}
