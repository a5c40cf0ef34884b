import { SectionComing } from '../../../components/SectionComing';

export function CasePage() {
  return <SectionComing titleKey="nav.complaints" />;
}
