import { SectionComing } from '../../../components/SectionComing';

export function TemplatesPage() {
  return <SectionComing titleKey="nav.complaints" />;
}
