import { useMemo, useSyncExternalStore, type ReactElement } from 'react';
import { REGION_LABELS, REGIONS, type CatalogModel, type Snapshot } from '../../../src/shared/types';
import { IconButton } from '../components/Icon';
import { RegionMark } from '../components/RegionMark';
import { Section } from '../components/Section';
import { PriceAgeInline } from '../components/DataNotes';
import { useAction, useServices } from '../data';
import { UNKNOWN, formatContext, formatCount, formatIndex, formatPrice, formatTokens, formatUnixDay } from '../../../src/shared/format';
import { distinct, effectiveCatalogSort, filterAndSortCatalog, rankIndex, type CatalogRow } from '../model/derive';
import { DEFAULT_FILTERS, type CatalogFilters, type CatalogSort } from '../uiState';
import { Button, Checkbox, Dropdown, ProgressRing, TextField, type Option } from '../ui/toolkit';

/** Paged rather than virtualised: 50 rows keep layout and tab order simple, and 400+ models stay instant. */
export const PAGE_SIZE = 50;

const SORT_OPTIONS: { value: CatalogSort; label: string; descendingFirst: boolean }[] = [
  { value: 'tokens', label: 'Weekly tokens', descendingFirst: true },
  { value: 'input', label: 'Input price', descendingFirst: false },
  { value: 'output', label: 'Output price', descendingFirst: false },
  { value: 'context', label: 'Context', descendingFirst: true },
  { value: 'coding', label: 'Coding index', descendingFirst: true },
  { value: 'newest', label: 'Newest', descendingFirst: true },
];

const CONTEXT_OPTIONS: Option[] = [
  { value: '0', label: 'Any context' },
  { value: '32000', label: '≥ 32K' },
  { value: '128000', label: '≥ 128K' },
  { value: '256000', label: '≥ 256K' },
  { value: '1000000', label: '≥ 1M' },
];

const REGION_OPTIONS: Option[] = [{ value: 'all', label: 'All regions' }, ...REGIONS.map((r) => ({ value: r, label: REGION_LABELS[r] }))];

export function CatalogTable({ snapshot, yours }: { snapshot: Snapshot; yours: ReadonlySet<string> }): ReactElement {
  const { store } = useServices();
  const filters = useSyncExternalStore(store.subscribe, () => store.get().catalog);
  const models = snapshot.catalog?.models;
  const ranks = useMemo(() => rankIndex(snapshot.rankings), [snapshot.rankings]);
  const rows = useMemo(() => (models ? filterAndSortCatalog(models, ranks, filters) : []), [models, ranks, filters]);
  // With no weekly figure anywhere (offline, order-only rankings) the table says what it sorts by instead.
  const sort = effectiveCatalogSort(rows, filters.sort);
  const shown: CatalogFilters = sort === filters.sort ? filters : { ...filters, sort, descending: true };
  const authors = useMemo(() => distinct((models ?? []).map((m) => m.author)), [models]);
  const modalities = useMemo(() => distinct((models ?? []).flatMap((m) => m.inputModalities)), [models]);
  const set = (patch: Partial<CatalogFilters>): void =>
    store.update((s) => ({ ...s, catalog: { ...s.catalog, page: 0, ...patch } }));
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const page = Math.min(filters.page, pages - 1);
  const visible = rows.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  const sortBy = (sort: CatalogSort): void => {
    const option = SORT_OPTIONS.find((o) => o.value === sort);
    set({ sort, descending: shown.sort === sort ? !shown.descending : (option?.descendingFirst ?? true) });
  };
  const summary = models ? `${formatCount(rows.length)} of ${formatCount(models.length)}` : undefined;

  return (
    <Section id="catalog" title="Catalog" summary={summary} className="mr-catalog">
      {!models ? (
        snapshot.resources.models.error ? <p className="mr-muted">The catalog could not be loaded; see the notice above.</p> : <ProgressRing label="Loading the catalog…" />
      ) : (
        <>
          <div className="mr-filters" role="search" aria-label="Filter the catalog">
            <TextField type="search" label="Search models" placeholder="Search id, name or lab" value={filters.query} onInput={(query) => set({ query })} />
            <Dropdown label="Region" value={filters.region} options={REGION_OPTIONS} onChange={(v) => set({ region: v as CatalogFilters['region'] })} />
            <Dropdown label="Author" value={filters.author} options={[{ value: 'all', label: 'All authors' }, ...authors.map((a) => ({ value: a, label: a }))]} onChange={(author) => set({ author })} />
            <Dropdown label="Minimum context" value={String(filters.minContext)} options={CONTEXT_OPTIONS} onChange={(v) => set({ minContext: Number(v) || 0 })} />
            <Dropdown label="Input modality" value={filters.modality} options={[{ value: 'all', label: 'Any input' }, ...modalities.map((m) => ({ value: m, label: `${m} input` }))]} onChange={(modality) => set({ modality })} />
            <Checkbox checked={filters.free} onChange={(free) => set({ free })}>
              Free only
            </Checkbox>
            <Checkbox checked={filters.tools} onChange={(tools) => set({ tools })}>
              Tool calling
            </Checkbox>
            <Dropdown label="Sort by" value={shown.sort} options={SORT_OPTIONS} onChange={(v) => set({ sort: v as CatalogSort })} />
            <Button label={shown.descending ? 'Sorted descending; sort ascending' : 'Sorted ascending; sort descending'} onClick={() => set({ sort: shown.sort, descending: !shown.descending })}>
              {shown.descending ? '↓ Desc' : '↑ Asc'}
            </Button>
            <Button onClick={() => store.update((s) => ({ ...s, catalog: DEFAULT_FILTERS }))}>Reset</Button>
          </div>
          <p className="mr-muted" role="status" aria-live="polite">
            {rows.length
              ? `Showing ${formatCount(page * PAGE_SIZE + 1)}–${formatCount(page * PAGE_SIZE + visible.length)} of ${formatCount(rows.length)} models.`
              : 'No model matches these filters.'}
            {sort !== filters.sort && rows.length ? ' No weekly token figures are available (offline or not yet loaded), so newest first.' : ''}
            <PriceAgeInline snapshot={snapshot} />
          </p>
          {rows.length ? (
            <div className="mr-table-wrap">
              <table className="mr-table">
                <caption className="mr-visually-hidden">OpenRouter models, prices in US dollars per million tokens</caption>
                <thead>
                  <tr>
                    <th scope="col">Model</th>
                    <th scope="col">Region · lab</th>
                    <SortHeader sort="input" label="$/1M in" filters={shown} onSort={sortBy} />
                    <SortHeader sort="output" label="$/1M out" filters={shown} onSort={sortBy} />
                    <th scope="col" className="mr-num">
                      Cache read
                    </th>
                    <SortHeader sort="context" label="Context" filters={shown} onSort={sortBy} />
                    <SortHeader sort="tokens" label="Weekly tokens" filters={shown} onSort={sortBy} />
                    <SortHeader sort="coding" label="Coding" filters={shown} onSort={sortBy} />
                    <SortHeader sort="newest" label="Added" filters={shown} onSort={sortBy} />
                    <th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {visible.map((row) => (
                    <CatalogRowView key={row.model.id} row={row} yours={yours.has(row.model.id.toLowerCase())} />
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {pages > 1 ? (
            <nav className="mr-pager" aria-label="Catalog pages">
              <Button disabled={page === 0} onClick={() => store.update((s) => ({ ...s, catalog: { ...s.catalog, page: page - 1 } }))}>
                Previous
              </Button>
              <span>
                Page {page + 1} of {pages}
              </span>
              <Button disabled={page >= pages - 1} onClick={() => store.update((s) => ({ ...s, catalog: { ...s.catalog, page: page + 1 } }))}>
                Next
              </Button>
            </nav>
          ) : null}
        </>
      )}
    </Section>
  );
}

function SortHeader({ sort, label, filters, onSort }: { sort: CatalogSort; label: string; filters: CatalogFilters; onSort: (s: CatalogSort) => void }): ReactElement {
  const active = filters.sort === sort;
  return (
    <th scope="col" className="mr-num" aria-sort={active ? (filters.descending ? 'descending' : 'ascending') : undefined}>
      <button type="button" className="mr-th-button" onClick={() => onSort(sort)}>
        {label}
        <span aria-hidden="true">{active ? (filters.descending ? ' ↓' : ' ↑') : ''}</span>
      </button>
    </th>
  );
}

/** A row's own weekly tokens; "—" with the reason when a variant has no figure of its own. */
function WeeklyCell({ row }: { row: CatalogRow }): ReactElement {
  const { weekly, ranked } = row;
  if (weekly.kind === 'tokens') return <td className="mr-num">{formatTokens(weekly.tokens)}</td>;
  if (weekly.kind === 'none') {
    return (
      <td className="mr-num" title={weekly.reason}>
        {UNKNOWN}
        <span className="mr-visually-hidden"> ({weekly.reason})</span>
      </td>
    );
  }
  return <td className="mr-num">{ranked ? `#${ranked.rank}` : UNKNOWN}</td>;
}

function priceCell(m: CatalogModel, value: number | null): string {
  return m.variable ? 'varies' : formatPrice(value);
}

function CatalogRowView({ row, yours }: { row: CatalogRow; yours: boolean }): ReactElement {
  const { model: m } = row;
  const copy = useAction('model/copyId');
  const open = useAction('model/openOnWeb');
  return (
    <tr className={yours ? 'mr-yours' : undefined}>
      <th scope="row" className="mr-model-cell">
        <span className="mr-model-name">{m.name}</span>
        {yours ? <span className="mr-yours-tag"> (yours)</span> : null}
        <code className="mr-model-id">{m.id}</code>
      </th>
      <td>
        <RegionMark region={m.region} /> · {m.lab}
      </td>
      <td className="mr-num">{priceCell(m, m.price.input)}</td>
      <td className="mr-num">{priceCell(m, m.price.output)}</td>
      <td className="mr-num">{m.variable ? 'varies' : formatPrice(m.price.cacheRead)}</td>
      <td className="mr-num">{formatContext(m.contextLength)}</td>
      <WeeklyCell row={row} />
      <td className="mr-num">{formatIndex(m.codingIndex)}</td>
      <td className="mr-num">{formatUnixDay(m.created)}</td>
      <td>
        {/* Flex inside the cell: a flex td leaves the table layout and its row border. */}
        <span className="mr-row-actions">
          <IconButton icon="copy" label={`Copy id ${m.id}`} title="Copy id" onClick={() => void copy.run({ modelId: m.id })} />
          <IconButton icon="external" label={`Open ${m.id} on openrouter.ai`} title="Open on openrouter.ai" onClick={() => void open.run({ modelId: m.id })} />
          {copy.result?.copied ? (
            <span className="mr-muted" role="status">
              Copied
            </span>
          ) : null}
          {copy.error || open.error ? <span className="mr-inline-error">{(copy.error ?? open.error)?.message}</span> : null}
        </span>
      </td>
    </tr>
  );
}
