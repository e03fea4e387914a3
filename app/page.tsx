import { Dashboard } from '@/components/dashboard';

export default function HomePage() {
  return <Dashboard />;
}
