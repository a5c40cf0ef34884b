import { SectionComing } from '../../../components/SectionComing';

export function StatsPage() {
  return <SectionComing titleKey="nav.complaints" />;
}
