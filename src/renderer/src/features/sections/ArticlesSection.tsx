import { SectionComing } from '../../components/SectionComing';

export function ArticlesSection() {
  return <SectionComing titleKey="nav.articles" />;
}
