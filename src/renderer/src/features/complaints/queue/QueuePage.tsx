import { SectionComing } from '../../../components/SectionComing';

export function QueuePage() {
  return <SectionComing titleKey="nav.complaints" />;
}
