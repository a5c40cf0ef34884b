import { SectionComing } from '../../components/SectionComing';

export function ComplaintsSection() {
  return <SectionComing titleKey="nav.complaints" />;
}
