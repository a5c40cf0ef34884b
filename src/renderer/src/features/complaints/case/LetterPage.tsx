import { SectionComing } from '../../../components/SectionComing';

export function LetterPage() {
  return <SectionComing titleKey="nav.complaints" />;
}
