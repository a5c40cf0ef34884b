import { SectionComing } from '../../../components/SectionComing';

export function CategoriesPage() {
  return <SectionComing titleKey="nav.complaints" />;
}
