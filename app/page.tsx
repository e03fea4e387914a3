import { cookies, headers } from 'next/headers';
import { Dashboard } from '@/components/dashboard';
import { loadDictionary } from '@/lib/i18n/dictionaries';
import { LANGUAGE_COOKIE, preferredLanguage } from '@/lib/i18n/preferred-language';
import { pageStateSource } from '@/protocol/page-state';

// Rendered per request from the lab's live state: the first HTML already shows the groups, the
// board and the header; the client then takes over the socket.
export const dynamic = 'force-dynamic';

export default async function HomePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const groupIds = ([] as string[]).concat(params.group ?? []);
  const language = preferredLanguage(
    (await cookies()).get(LANGUAGE_COOKIE)?.value ?? null,
    ((await headers()).get('accept-language') ?? '').split(',').map((l) => l.split(';')[0] ?? ''),
  );
  const initial = pageStateSource()?.(groupIds) ?? null;
  return (
    <Dashboard
      initial={initial}
      language={language}
      dictionary={language === 'en' ? undefined : await loadDictionary(language)}
      groupIds={groupIds}
    />
  );
}
