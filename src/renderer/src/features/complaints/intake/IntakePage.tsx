import { SectionComing } from '../../../components/SectionComing';

export function IntakePage() {
  return <SectionComing titleKey="nav.complaints" />;
}
