import { DndContext, DragOverlay, PointerSensor, useDraggable, useDroppable, useSensor, useSensors, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import { useQueryClient } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useContext, useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { MethodInput, MethodOutput } from '../../../electron/api/contract';
import { useStages } from '../lib/stages';

type Stage = string;
import { CardBody, CardContent, dueLabel, StageName } from './Card';
import { useExportApplicationsCsv } from './csvExport';
import { CsvImportButton } from './CsvImportButton';
import { NewApplicationDialog, RejectionDialog, usePreloadDialogs } from './dialogs';
import { useIntent } from '../lib/intents';
import { useToast } from '../ui/Toast';
import { plural } from '../lib/format';
import { useApi, useCall, useNow } from '../lib/hooks';
import { navigate } from '../lib/router';
import { BOARD_PAINTED, fullBoardAfterPaint, PIPELINE_VIEW_KEY } from '../lib/prefetch';
import { ErrorBanner } from '../ui/ErrorBanner';
import { DEFAULT_TABLE_SORT, Table, useTablePages, type TableSort } from './PipelineTable';

type Summary = MethodOutput<'applications.list'>['items'][number];
type ListInput = MethodInput<'applications.list'>;
type View = 'board' | 'table';

const VIEW_KEY = PIPELINE_VIEW_KEY;

export function PipelineScreen() {
  const [view, setView] = useState<View>(() => (localStorage.getItem(VIEW_KEY) as View) || 'board');
  const [search, setSearch] = useState('');
  const [stageFilter, setStageFilter] = useState<Stage[]>([]);
  const stages = useStages();
  const [creating, setCreating] = useState(false);
  const csvInput = useRef<HTMLInputElement>(null);
  useIntent('new-application', () => setCreating(true));
  useIntent('import-csv', () => csvInput.current?.click());
  const toast = useToast();
  const exportApplicationsCsv = useExportApplicationsCsv();
  const deferredSearch = useDeferredValue(search.trim());
  // Search and stage filter run in main (FTS); the board asks only for what a column can show.
  const input: ListInput = useMemo(
    () => ({ ...(deferredSearch ? { search: deferredSearch } : {}), ...(stageFilter.length ? { stages: stageFilter } : {}) }),
    [deferredSearch, stageFilter],
  );
  const board = useApi('applications.board', input, { placeholderData: (prev) => prev, enabled: view === 'board' });
  const qc = useQueryClient();
  const boardShown = view === 'board' && !!board.data;
  useEffect(() => {
    if (boardShown) fullBoardAfterPaint(qc);
  }, [boardShown, qc]);
  const [tableSort, setTableSort] = useState<TableSort>(DEFAULT_TABLE_SORT);
  const list = useTablePages(input, tableSort, view === 'table');
  const now = useNow();
  const current = view === 'board' ? board : list;
  const count = view === 'board' ? (board.data?.total ?? 0) : (list.data?.total ?? 0);

  usePreloadDialogs();

  const changeView = (v: View) => {
    setView(v);
    localStorage.setItem(VIEW_KEY, v);
  };
  const toggleStage = (s: Stage) => setStageFilter((cur) => (cur.includes(s) ? cur.filter((x) => x !== s) : [...cur, s]));

  return (
    <div className="page">
      <div className="page-header">
        <h1>Pipeline</h1>
        <input
          className="search"
          type="search"
          placeholder="Search company, role, notes…"
          aria-label="Search applications"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <div className="segmented" role="group" aria-label="View">
          <button type="button" aria-pressed={view === 'board'} onClick={() => changeView('board')}>
            Board
          </button>
          <button type="button" aria-pressed={view === 'table'} onClick={() => changeView('table')}>
            Table
          </button>
        </div>
        <button
          type="button"
          title="Save the applications shown (search and stage filter) as a CSV file"
          onClick={() =>
            exportApplicationsCsv(input).then(
              (out) => toast(`Exported ${plural(out.count, 'application')} as ${out.filename}.`),
              (err: unknown) => toast(err instanceof Error ? err.message : String(err), 'error'),
            )
          }
        >
          Export CSV
        </button>
        <CsvImportButton label="Import CSV…" inputRef={csvInput} />
        <button type="button" className="primary" onClick={() => setCreating(true)}>
          + New application
        </button>
      </div>
      <div className="chips" role="group" aria-label="Filter by stage">
        {stages.active.map(({ key: s, name }) => (
          <button key={s} type="button" className="chip" aria-pressed={stageFilter.includes(s)} onClick={() => toggleStage(s)}>
            {name}
          </button>
        ))}
        {stageFilter.length ? (
          <button type="button" className="chip" onClick={() => setStageFilter([])}>
            Clear filter
          </button>
        ) : null}
        <span className="muted" style={{ marginLeft: 'auto' }}>
          {current.isLoading ? 'Loading…' : current.data?.more ? `${count.toLocaleString()}+ applications` : plural(count, 'application')}
        </span>
      </div>
      {current.error ? <ErrorBanner>{current.error.message}</ErrorBanner> : null}
      {current.data && current.data.total === 0 && (deferredSearch || stageFilter.length) ? (
        // Eight empty columns read as "no data"; say it is the search, and offer the way back.
        <div className="empty-state" role="status">
          <h2>{deferredSearch ? `No applications match “${deferredSearch}”` : 'No applications in the chosen stages'}</h2>
          <p>{deferredSearch && stageFilter.length ? 'The stage filter applies too.' : 'Everything else is still here.'}</p>
          <button
            type="button"
            onClick={() => {
              setSearch('');
              setStageFilter([]);
            }}
          >
            {deferredSearch ? 'Clear search' : 'Clear filter'}
          </button>
        </div>
      ) : current.data && current.data.total === 0 ? (
        <div className="empty-state">
          <h2>Your job search starts here</h2>
          <p>Add the roles you are considering or have applied to, or bring in the spreadsheet you have kept so far. Drag cards between stages as things move.</p>
          <div className="row" style={{ justifyContent: 'center' }}>
            <button type="button" className="primary" onClick={() => setCreating(true)}>
              Add your first application
            </button>
            <CsvImportButton label="Import a spreadsheet (CSV)…" />
          </div>
        </div>
      ) : view === 'board' ? (
        <Board columns={board.data?.columns ?? []} now={now} boardInput={input} />
      ) : (
        <Table pages={list} sort={tableSort} onSort={setTableSort} now={now} dueLabel={dueLabel} />
      )}
      {creating ? (
        <NewApplicationDialog onClose={() => setCreating(false)} />
      ) : null}
    </div>
  );
}

type Columns = MethodOutput<'applications.board'>['columns'];

function Board({ columns, now, boardInput }: { columns: Columns; now: number; boardInput: ListInput }) {
  const qc = useQueryClient();
  const toast = useToast();
  const [dragging, setDragging] = useState<Summary | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [rejectedId, setRejectedId] = useState<number | null>(null);
  const moveStage = useCall('applications.moveStage');
  const stages = useStages();
  // Closed stages stay folded (narrow drop targets) unless unfolded; the choice is a setting, so it survives restarts.
  const settings = useApi('settings.get', {});
  const saveSettings = useCall('settings.update');
  const [expandedNow, setExpandedNow] = useState<Stage[] | null>(null);
  // A keyboard move into a folded column opens it for now (not saved), so focus stays on the card it moved.
  const [peek, setPeek] = useState<Stage[]>([]);
  const expanded = expandedNow ?? settings.data?.boardExpandedStages ?? [];
  // Closed by kind: a custom or renamed closed stage folds like the built-in ones.
  const folded = (s: Stage) => stages.isClosed(s) && !expanded.includes(s) && !peek.includes(s);
  const toggleFold = (s: Stage) => {
    const next = folded(s) ? [...expanded, s] : expanded.filter((x) => x !== s);
    setPeek((p) => p.filter((x) => x !== s));
    if (next.length === expanded.length) return;
    setExpandedNow(next);
    saveSettings.mutateAsync({ boardExpandedStages: next }).catch((err: unknown) => toast(err instanceof Error ? err.message : String(err), 'error'));
  };
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  // Moves can overlap (a card dragged, then moved from the keyboard before the first answer); their answers
  // may come back in either order, and only the latest move's toast may offer Undo: the older one's undo
  // would be refused, since the card has moved again.
  const lastMove = useRef(0);
  async function move(app: Summary, stage: Stage) {
    if (app.stage === stage) return;
    const seq = ++lastMove.current;
    const key = ['applications.board', boardInput];
    const previous = qc.getQueryData<MethodOutput<'applications.board'>>(key);
    // Optimistic: the card lands at once; the server's answer (or a rollback) follows.
    if (previous) {
      qc.setQueryData(key, {
        ...previous,
        columns: previous.columns.map((c) =>
          c.stage === stage
            ? { ...c, total: c.total + 1, items: [{ ...app, stage, stageChangedAt: now }, ...c.items] }
            : c.stage === app.stage
              ? { ...c, total: c.total - 1, items: c.items.filter((a) => a.id !== app.id) }
              : c,
        ),
      });
    }
    setAnnouncement(`${app.company}, ${app.role}: moved to ${stages.name(stage)}.`);
    try {
      // Resolves once the board (and every screen built from applications) has the server's answer.
      const moved = await moveStage.mutateAsync({ id: app.id, stage });
      if (seq === lastMove.current) toast(`${moved.undo.label}.`, 'info', { undo: moved.undo });
      if (stages.kind(stage) === 'rejected') setRejectedId(app.id);
    } catch (err) {
      if (previous) qc.setQueryData(key, previous);
      toast(err instanceof Error ? err.message : 'The move could not be saved.', 'error');
    }
  }

  const onDragStart = (e: DragStartEvent) => setDragging((e.active.data.current as { app: Summary }).app);
  const onDragEnd = (e: DragEndEvent) => {
    setDragging(null);
    const app = (e.active.data.current as { app: Summary } | undefined)?.app;
    const stage = e.over?.id as Stage | undefined;
    if (app && stage) void move(app, stage);
  };

  const onCardKey = (app: Summary) => (e: KeyboardEvent) => {
    if (e.key === 'Enter') return navigate({ name: 'application', id: app.id });
    if (!e.shiftKey || (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft')) return;
    e.preventDefault();
    const order = stages.active.map((s) => s.key);
    const i = order.indexOf(app.stage) + (e.key === 'ArrowRight' ? 1 : -1);
    if (i < 0 || i >= order.length) return;
    if (folded(order[i])) setPeek((p) => [...p, order[i]]);
    void move(app, order[i]).then(() => {
      // Keep keyboard focus on the moved card in its new column.
      requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-app-id="${app.id}"]`)?.focus());
    });
  };

  return (
    <StageName.Provider value={stages.name}>
    <DndContext sensors={sensors} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragging(null)}>
      {/* Element Timing says when the board's first frame is on screen (fullBoardAfterPaint waits for it). */}
      <p className="kbd-hint" id="board-help" {...{ elementtiming: BOARD_PAINTED }}>
        Drag a card to another column, or focus it and press Shift+→ / Shift+← to move it one stage. Enter opens it.
      </p>
      <div className="board" aria-describedby="board-help" style={{ gridTemplateColumns: columns.map((c) => (folded(c.stage) ? 'var(--folded-column)' : 'minmax(150px, 1fr)')).join(' ') }}>
        {columns.map((c) =>
          folded(c.stage) ? (
            <FoldedColumn key={c.stage} stage={c.stage} total={c.total} more={c.more} onUnfold={() => toggleFold(c.stage)} />
          ) : (
            <Column
              key={c.stage}
              stage={c.stage}
              items={c.items}
              total={c.total}
              more={c.more}
              boardInput={boardInput}
              now={now}
              onCardKey={onCardKey}
              onFold={stages.isClosed(c.stage) ? () => toggleFold(c.stage) : undefined}
            />
          ),
        )}
      </div>
      <DragOverlay dropAnimation={null}>{dragging ? <CardBody app={dragging} now={now} overlay /> : null}</DragOverlay>
      <div className="sr-only" aria-live="assertive">
        {announcement}
      </div>
      {rejectedId !== null ? <RejectionDialog applicationId={rejectedId} onClose={() => setRejectedId(null)} /> : null}
    </DndContext>
    </StageName.Provider>
  );
}

/** A closed stage folded to a narrow strip: still a drop target (dnd-kit and Shift+arrows); a click unfolds it. */
function FoldedColumn({ stage, total, more, onUnfold }: { stage: Stage; total: number; more: boolean; onUnfold: () => void }) {
  const { setNodeRef, isOver } = useDroppable({ id: stage });
  const stages = { name: useContext(StageName) };
  return (
    <section ref={setNodeRef} className={`column folded ${isOver ? 'over' : ''}`} aria-label={`${stages.name(stage)} column`} data-stage={stage}>
      <button type="button" className="column-toggle" aria-expanded={false} onClick={onUnfold} title={`Show the ${stages.name(stage)} column`}>
        <span className="column-toggle-label">{stages.name(stage)}</span>
        <span className="count">{more ? `${total}+` : total}</span>
      </button>
    </section>
  );
}

/** A card's usual height with its gap (107 px), and how far down the window a column's cards begin. */
const [CARD_ESTIMATE, BOARD_TOP] = [107, 233];
function Column(props: {
  stage: Stage;
  items: Summary[];
  total: number;
  /** A broad search counted no further than the cards shown: total is a lower bound. */
  more: boolean;
  boardInput: ListInput;
  now: number;
  onCardKey: (a: Summary) => (e: KeyboardEvent) => void;
  onFold?: () => void;
}) {
  const { stage, total, more, now, onCardKey } = props;
  const stages = { name: useContext(StageName) };
  // A long column shows its most recent cards; "Show all" loads the rest of that stage only.
  const [showAll, setShowAll] = useState(false);
  const rest = useApi('applications.list', { ...props.boardInput, stages: [stage] }, { enabled: showAll && (more || props.items.length < total) });
  const items = showAll && rest.data ? rest.data.items : props.items;
  // Once the whole stage is loaded its count is known, even after a broad search said "100+".
  const label = showAll && rest.data ? String(rest.data.items.length) : more ? `${total}+` : String(total);
  const { setNodeRef, isOver } = useDroppable({ id: stage });
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    // The first pass shows the cards in view at about their measured size: no second render and layout.
    estimateSize: () => CARD_ESTIMATE,
    initialRect: { width: 0, height: Math.max(0, window.innerHeight - BOARD_TOP) },
    // Two cards beyond the window: each card rendered is layout and paint before the first frame.
    overscan: 2,
    getItemKey: (i) => items[i].id,
    // A card's size comes from the ResizeObserver, after the browser's own layout; read as each card
    // mounts, it forced a layout of the whole board inside React's commit and then a second render of
    // every column before the first paint. The cards are in flow (below), so a size not yet measured
    // never shows as an overlap or a gap.
    measureElement: (el, entry, v) => {
      const box = entry?.borderBoxSize?.[0];
      if (box) return Math.round(box.blockSize);
      return v.itemSizeCache.get(v.options.getItemKey(v.indexFromElement(el))) ?? CARD_ESTIMATE;
    },
  });
  const shown = virtualizer.getVirtualItems();
  return (
    <section ref={setNodeRef} className={`column ${isOver ? 'over' : ''}`} aria-label={`${stages.name(stage)} column`} data-stage={stage}>
      <div className="column-header">
        <span>{stages.name(stage)}</span>
        <span className="count">{label}</span>
        {props.onFold ? (
          <button type="button" className="ghost column-fold" aria-expanded onClick={props.onFold} aria-label={`Fold the ${stages.name(stage)} column`} title="Fold to a narrow strip">
            «
          </button>
        ) : null}
      </div>
      <div className="column-body" ref={scrollRef}>
        {items.length === 0 ? <div className="column-empty">Drop here</div> : null}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          <div style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${shown[0]?.start ?? 0}px)` }}>
            {shown.map((v) => (
              <div key={v.key} data-index={v.index} ref={virtualizer.measureElement} style={{ paddingBottom: 8 }}>
                <DraggableCard app={items[v.index]} now={now} onKeyDown={onCardKey(items[v.index])} />
              </div>
            ))}
          </div>
        </div>
        {items.length < total || (more && !rest.data) ? (
          <div className="column-more">
            <span className="muted">{more ? `Showing the latest ${items.length}` : `Showing ${items.length} of ${total}`}</span>
            <button type="button" onClick={() => setShowAll(true)} disabled={showAll}>
              {showAll ? 'Loading…' : 'Show all'}
            </button>
          </div>
        ) : null}
      </div>
    </section>
  );
}

const DraggableCard = memo(function DraggableCard({ app, now, onKeyDown }: { app: Summary; now: number; onKeyDown: (e: KeyboardEvent) => void }) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: app.id, data: { app } });
  return (
    <div
      ref={setNodeRef}
      {...listeners}
      {...attributes}
      role="button"
      tabIndex={0}
      data-app-id={app.id}
      aria-roledescription="application card"
      className={`card ${isDragging ? 'dragging' : ''}`}
      onKeyDown={onKeyDown}
      onClick={() => navigate({ name: 'application', id: app.id })}
    >
      <CardContent app={app} now={now} />
    </div>
  );
});
