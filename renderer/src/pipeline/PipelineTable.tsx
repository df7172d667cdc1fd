// The pipeline's table view. Rows come from the server a page at a time (keyset: sort value and id), in
// the order the server sorts and filters, so the first rows show as fast with 100,000 applications as
// with 100; the virtualizer renders only the rows in view and asks for the next page near the end.
import { useInfiniteQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { MethodInput, MethodOutput } from '../../../electron/api/contract';
import { DOCUMENT_KIND_LABELS } from '../../../electron/shared/documents';
import { PRIORITY_LABELS } from '../../../electron/shared/domain';
import { call, type ApiError } from '../lib/api';
import { DEFAULT_TABLE_SORT as FIRST_SORT, TABLE_PAGE } from '../lib/early';
import { duration, formatDate } from '../lib/format';
import { href, navigate } from '../lib/router';
import { useStages } from '../lib/stages';

// "Which applications got this version" opens from a row's document tag; it loads on first use.
const UsageDialog = lazy(() => import('../documents/UsageDialog').then((m) => ({ default: m.UsageDialog })));

type ListInput = MethodInput<'applications.list'>;
type Page = MethodOutput<'applications.list'>;
export type TableSort = { key: NonNullable<ListInput['sort']>; dir: 'asc' | 'desc' };

// The first page's order and size live with the early requests (lib/early.ts), which ask for it at start.
export const DEFAULT_TABLE_SORT: TableSort = { ...FIRST_SORT };
/** Ask for the next page this many rows before the end of what is loaded. */
const AHEAD = 30;

/** The table's pages for a filter and order; `data` looks like one list answer (total from the first page). */
export function useTablePages(filter: ListInput, sort: TableSort, enabled: boolean) {
  // Each page carries its rows' document tags: asked for the shown rows only, never for the whole book.
  const input: ListInput = { ...filter, sort: sort.key, dir: sort.dir, limit: TABLE_PAGE, withDocuments: true };
  const q = useInfiniteQuery<Page, ApiError, { pages: Page[] }, unknown[], Page['next']>({
    // The method name first, so a write that makes applications stale refetches these pages too.
    queryKey: ['applications.list', input, 'pages'],
    queryFn: ({ pageParam }) => call('applications.list', pageParam ? { ...input, after: pageParam } : input),
    initialPageParam: null,
    getNextPageParam: (last) => last.next,
    // The previous order's rows stay while a search is typed, not when the order changes: its scroll
    // position would land mid-list in the new order.
    placeholderData: (prev, prevQuery) => (prevQuery && sameOrder(prevQuery.queryKey[1], input) ? prev : undefined),
    enabled,
  });
  const pages = q.data?.pages ?? [];
  // more: a broad search counted no further than 1,000 matches; total is then a lower bound.
  const data = q.data ? { total: pages[0]?.total ?? 0, more: pages[0]?.more ?? false, items: pages.flatMap((p) => p.items) } : undefined;
  return { ...q, data };
}

const sameOrder = (key: unknown, input: ListInput) => {
  const k = key as ListInput | undefined;
  return k?.sort === input.sort && k?.dir === input.dir;
};

export function Table(props: { pages: ReturnType<typeof useTablePages>; sort: TableSort; onSort: (s: TableSort) => void; now: number; dueLabel: DueLabel }) {
  const { pages, sort, onSort, now, dueLabel } = props;
  const rows = pages.data?.items ?? [];
  const scrollRef = useRef<HTMLDivElement>(null);
  const stages = useStages();
  const [usageOf, setUsageOf] = useState<{ id: number; name: string } | null>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => 35, overscan: 10 });
  const vItems = virtualizer.getVirtualItems();
  const padTop = vItems.length ? vItems[0].start : 0;
  const padBottom = vItems.length ? virtualizer.getTotalSize() - vItems[vItems.length - 1].end : 0;
  const lastShown = vItems.length ? vItems[vItems.length - 1].index : -1;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = pages;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastShown >= rows.length - AHEAD) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, lastShown, rows.length]);

  // A new order starts from its first row, at the top.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
    virtualizer.scrollToOffset(0);
  }, [sort.key, sort.dir, virtualizer]);

  const header = (key: TableSort['key'], label: string) => (
    <th aria-sort={sort.key === key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" onClick={() => onSort({ key, dir: sort.key === key && sort.dir === 'asc' ? 'desc' : 'asc' })}>
        {label} {sort.key === key ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
      </button>
    </th>
  );
  return (
    <div className="table-wrap" ref={scrollRef}>
      <table className="data" aria-label="Applications" aria-rowcount={pages.data?.more ? -1 : (pages.data?.total ?? rows.length) + 1} aria-busy={isFetchingNextPage}>
        <thead>
          <tr>
            {header('company', 'Company')}
            {header('role', 'Role')}
            {header('stage', 'Stage')}
            {header('priority', 'Priority')}
            {header('location', 'Location')}
            {header('stageChangedAt', 'In stage')}
            {header('updatedAt', 'Updated')}
            <th>Notes due</th>
            <th>Documents</th>
          </tr>
        </thead>
        <tbody>
          {padTop > 0 ? <tr style={{ height: padTop }} aria-hidden /> : null}
          {vItems.map((v) => {
            const a = rows[v.index];
            const due = dueLabel(a, now);
            return (
              <tr key={a.id} aria-rowindex={v.index + 2} onClick={() => navigate({ name: 'application', id: a.id })}>
                <td>
                  <a href={href({ name: 'application', id: a.id })} onClick={(e) => e.stopPropagation()}>
                    {a.company}
                  </a>
                </td>
                <td>{a.role}</td>
                <td>{stages.name(a.stage)}</td>
                <td>{PRIORITY_LABELS[a.priority]}</td>
                <td>{a.location}</td>
                <td>{duration(now - a.stageChangedAt)}</td>
                <td>{formatDate(a.updatedAt)}</td>
                <td>{due ? <span className={`badge ${due.overdue ? 'overdue' : 'due'}`}>{due.text}</span> : null}</td>
                <td className="actions">
                  <span className="doc-tags">
                    {a.documents?.map((d) => (
                      <button
                        key={d.id}
                        type="button"
                        className="doc-tag"
                        title={`${d.name}: which applications got this version`}
                        onClick={(e) => {
                          e.stopPropagation();
                          setUsageOf(d);
                        }}
                      >
                        {tagText(d)}
                      </button>
                    ))}
                  </span>
                </td>
              </tr>
            );
          })}
          {padBottom > 0 ? <tr style={{ height: padBottom }} aria-hidden /> : null}
        </tbody>
      </table>
      {usageOf ? (
        <Suspense fallback={null}>
          <UsageDialog doc={usageOf} onClose={() => setUsageOf(null)} />
        </Suspense>
      ) : null}
    </div>
  );
}

/** "Résumé — platform v3"; without a label, the kind alone. */
const tagText = (d: NonNullable<Page['items'][number]['documents']>[number]) => (d.label ? `${DOCUMENT_KIND_LABELS[d.kind]} — ${d.label}` : DOCUMENT_KIND_LABELS[d.kind]);

type DueLabel = (app: Page['items'][number], now: number) => { text: string; overdue: boolean } | null;
