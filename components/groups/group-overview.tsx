'use client';

import { useMemo, useState } from 'react';
import { fill } from '@/lib/i18n/dictionary';
import { useDict } from '@/lib/i18n/language';
import { useLive } from '@/lib/use-live';
import { useNow } from '@/lib/use-now';
import { GROUP_STATES, type GroupSummary, VERDICTS } from '@/protocol/snapshot';
import { Help } from '../ui/help';
import { OverviewRow, ROW_HEIGHT_PX } from './overview-row';
import { type SortKey, useSteadyOrder } from './overview-sort';

/** The health filter's extra option: groups that keep rebalancing, whatever their verdict. */
const STORM = 'storm';
const VIEWPORT_PX = 360;
const OVERSCAN_ROWS = 6;

const COLUMNS: { key: SortKey; className?: string; width: string }[] = [
  { key: 'groupId', width: 'w-[22%]' },
  { key: 'type', width: 'w-[11%]' },
  { key: 'state', width: 'w-[10%]' },
  { key: 'members', className: 'text-right', width: 'w-[8%]' },
  { key: 'topics', width: 'w-[12%]' },
  { key: 'totalLag', className: 'text-right', width: 'w-[6%]' },
  { key: 'lagSeconds', className: 'text-right', width: 'w-[6%]' },
  { key: 'trend', width: 'w-[10%]' },
  { key: 'health', width: 'w-[7%]' },
  { key: 'lastCommitAt', className: 'text-right', width: 'w-[8%]' },
];

/**
 * Every group of the cluster in one table: search, filters, sorting by any column, and only the
 * rows in view are drawn, so ten thousand groups scroll like ten.
 */
export function GroupOverview({
  isOpen,
  toggle,
}: {
  isOpen: (groupId: string) => boolean;
  toggle: (groupId: string) => void;
}) {
  const rows = useLive((s) => s.snapshot?.overview);
  const [query, setQuery] = useState('');
  const [state, setState] = useState('');
  const [health, setHealth] = useState('');
  const [origin, setOrigin] = useState<'' | 'lab' | 'outside'>('');
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({
    key: 'totalLag',
    desc: true,
  });
  const [scrollTop, setScrollTop] = useState(0);
  // One tick a second for "last commit … ago"; rows themselves change only with their data.
  const now = useNow(1000);
  const d = useDict().ui;
  const t = d.overview;

  const filtered = useMemo(() => {
    const q = query.trim().toLowerCase();
    const filtered = (rows ?? []).filter(
      (g: GroupSummary) =>
        (!q ||
          g.groupId.toLowerCase().includes(q) ||
          g.topics.some((t) => t.toLowerCase().includes(q))) &&
        (!state || g.state === state) &&
        (!health || (health === STORM ? Boolean(g.storm) : g.health.verdict === health)) &&
        (!origin || (origin === 'lab') === g.lab),
    );
    return filtered;
  }, [rows, query, state, health, origin]);
  const shown = useSteadyOrder(filtered, sort);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT_PX) - OVERSCAN_ROWS);
  const last = Math.min(
    shown.length,
    Math.ceil((scrollTop + VIEWPORT_PX) / ROW_HEIGHT_PX) + OVERSCAN_ROWS,
  );
  const headerCell =
    'cursor-pointer select-none px-2 py-1 text-left font-medium text-slate-500 hover:text-slate-800 dark:hover:text-slate-200';

  return (
    <section
      data-testid="group-overview"
      className="rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <header className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-800">
        <h2 className="text-sm font-semibold">
          {t.title}{' '}
          <span className="font-normal text-slate-500" data-testid="overview-count">
            {fill(t.count, { shown: shown.length, total: rows?.length ?? 0 })}
          </span>
        </h2>
        <Help term="health" />
        <input
          className="ml-auto w-48 rounded border border-slate-300 bg-white px-2 py-1 text-xs dark:border-slate-600 dark:bg-slate-800"
          placeholder={t.search}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="overview-search"
        />
        <Filter label={t.state} value={state} onChange={setState} options={GROUP_STATES} />
        <Filter
          label={t.health}
          value={health}
          onChange={setHealth}
          options={[...VERDICTS, STORM]}
          optionLabel={(o) => (o === STORM ? d.storm.filter : o)}
          testId="overview-health"
        />
        <Filter
          label={t.origin}
          value={origin}
          onChange={(v) => setOrigin(v as typeof origin)}
          options={['lab', 'outside']}
          optionLabel={(o) => (o === 'lab' ? t.lab : t.outside)}
        />
      </header>
      <div
        className="overflow-auto"
        // Sized to its rows (header included, and room for a sideways scrollbar), up to a viewport.
        style={{
          height: Math.min(VIEWPORT_PX, (Math.max(1, shown.length) + 1) * ROW_HEIGHT_PX + 18),
        }}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        data-testid="overview-rows"
      >
        <table className="w-full min-w-[48rem] table-fixed border-collapse text-xs">
          <colgroup>
            {COLUMNS.map((c) => (
              <col key={c.key} className={c.width} />
            ))}
          </colgroup>
          <thead className="sticky top-0 z-10 bg-white dark:bg-slate-900">
            <tr
              className="border-b border-slate-200 dark:border-slate-800"
              style={{ height: ROW_HEIGHT_PX }}
            >
              {COLUMNS.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={
                    sort.key === c.key ? (sort.desc ? 'descending' : 'ascending') : undefined
                  }
                >
                  <button
                    type="button"
                    className={`${headerCell} w-full ${c.className ?? ''}`}
                    onClick={() =>
                      setSort({
                        key: c.key,
                        desc: sort.key === c.key ? !sort.desc : c.key !== 'groupId',
                      })
                    }
                    data-testid={`sort-${c.key}`}
                  >
                    {t.columns[c.key]}
                    {sort.key === c.key ? (sort.desc ? ' ↓' : ' ↑') : ''}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {/* Only the rows in view exist; spacers keep the scrollbar true to the whole list. */}
            <tr aria-hidden style={{ height: first * ROW_HEIGHT_PX }} />
            {shown.slice(first, last).map((g) => (
              <OverviewRow
                key={g.groupId}
                group={g}
                open={isOpen(g.groupId)}
                onToggle={toggle}
                now={now}
              />
            ))}
            <tr aria-hidden style={{ height: (shown.length - last) * ROW_HEIGHT_PX }} />
          </tbody>
        </table>
        {shown.length === 0 && <p className="p-3 text-slate-500">{t.noMatch}</p>}
      </div>
    </section>
  );
}

function Filter({
  label,
  value,
  onChange,
  options,
  testId,
  optionLabel = (o) => o,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly string[];
  testId?: string;
  optionLabel?: (option: string) => string;
}) {
  const t = useDict().ui.overview;
  return (
    <select
      aria-label={fill(t.filterBy, { label })}
      className="rounded border border-slate-300 bg-white px-1 py-1 text-xs dark:border-slate-600 dark:bg-slate-800"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      data-testid={testId}
    >
      <option value="">{fill(t.any, { label })}</option>
      {options.map((o) => (
        <option key={o} value={o}>
          {optionLabel(o)}
        </option>
      ))}
    </select>
  );
}
