import { SectionComing } from '../../components/SectionComing';

export function InfoRequestsSection() {
  return <SectionComing titleKey="nav.infoRequests" />;
}
