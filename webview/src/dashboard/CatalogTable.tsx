import { useMemo, useSyncExternalStore, type ReactElement } from 'react';
import { REGIONS, type CatalogModel, type Snapshot } from '../../../src/shared/types';
import { IconButton } from '../components/Icon';
import { RegionMark } from '../components/RegionMark';
import { Section } from '../components/Section';
import { PriceAgeInline } from '../components/DataNotes';
import { useAction, useServices } from '../data';
import { UNKNOWN, formatContext, formatCount, formatIndex, formatPrice, formatTokens, formatUnixDay, regionLabel } from '../../../src/shared/format';
import * as l10n from '../l10n';
import { distinct, effectiveCatalogSort, filterAndSortCatalog, rankIndex, type CatalogRow } from '../model/derive';
import { DEFAULT_FILTERS, type CatalogFilters, type CatalogSort } from '../uiState';
import { Button, Checkbox, Dropdown, ProgressRing, TextField, type Option } from '../ui/toolkit';

/** Paged rather than virtualised: 50 rows keep layout and tab order simple, and 400+ models stay instant. */
export const PAGE_SIZE = 50;

// Labels are read at render time (functions, not strings), so they are in the language the host sent.
const SORT_OPTIONS: { value: CatalogSort; label: () => string; descendingFirst: boolean }[] = [
  { value: 'tokens', label: () => l10n.t('Weekly tokens'), descendingFirst: true },
  { value: 'input', label: () => l10n.t('Input price'), descendingFirst: false },
  { value: 'output', label: () => l10n.t('Output price'), descendingFirst: false },
  { value: 'context', label: () => l10n.t('Context'), descendingFirst: true },
  { value: 'coding', label: () => l10n.t('Coding index'), descendingFirst: true },
  { value: 'newest', label: () => l10n.t('Newest'), descendingFirst: true },
];

const sortOptions = (): Option[] => SORT_OPTIONS.map((o) => ({ value: o.value, label: o.label() }));

const contextOptions = (): Option[] => [
  { value: '0', label: l10n.t('Any context') },
  { value: '32000', label: l10n.t('≥ {0}', formatContext(32_000)) },
  { value: '128000', label: l10n.t('≥ {0}', formatContext(128_000)) },
  { value: '256000', label: l10n.t('≥ {0}', formatContext(256_000)) },
  { value: '1000000', label: l10n.t('≥ {0}', formatContext(1_000_000)) },
];

const regionOptions = (): Option[] => [{ value: 'all', label: l10n.t('All regions') }, ...REGIONS.map((r) => ({ value: r, label: regionLabel(r) }))];

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
  const summary = models ? l10n.t('{0} of {1}', formatCount(rows.length), formatCount(models.length)) : undefined;

  return (
    <Section id="catalog" title={l10n.t('Catalog')} summary={summary} className="mr-catalog">
      {!models ? (
        snapshot.resources.models.error ? <p className="mr-muted">{l10n.t('The catalog could not be loaded; see the notice above.')}</p> : <ProgressRing label={l10n.t('Loading the catalog…')} />
      ) : (
        <>
          <div className="mr-filters" role="search" aria-label={l10n.t('Filter the catalog')}>
            <TextField type="search" label={l10n.t('Search models')} placeholder={l10n.t('Search id, name or lab')} value={filters.query} onInput={(query) => set({ query })} />
            <Dropdown label={l10n.t('Region')} value={filters.region} options={regionOptions()} onChange={(v) => set({ region: v as CatalogFilters['region'] })} />
            <Dropdown label={l10n.t('Author')} value={filters.author} options={[{ value: 'all', label: l10n.t('All authors') }, ...authors.map((a) => ({ value: a, label: a }))]} onChange={(author) => set({ author })} />
            <Dropdown label={l10n.t('Minimum context')} value={String(filters.minContext)} options={contextOptions()} onChange={(v) => set({ minContext: Number(v) || 0 })} />
            <Dropdown
              label={l10n.t('Input modality')}
              value={filters.modality}
              options={[{ value: 'all', label: l10n.t('Any input') }, ...modalities.map((m) => ({ value: m, label: l10n.t('{0} input', modalityLabel(m)) }))]}
              onChange={(modality) => set({ modality })} />
            <Checkbox checked={filters.free} onChange={(free) => set({ free })}>
              {l10n.t('Free only')}
            </Checkbox>
            <Checkbox checked={filters.tools} onChange={(tools) => set({ tools })}>
              {l10n.t('Tool calling')}
            </Checkbox>
            <Dropdown label={l10n.t('Sort by')} value={shown.sort} options={sortOptions()} onChange={(v) => set({ sort: v as CatalogSort })} />
            <Button
              label={shown.descending ? l10n.t('Sorted descending; sort ascending') : l10n.t('Sorted ascending; sort descending')}
              onClick={() => set({ sort: shown.sort, descending: !shown.descending })}
            >
              {shown.descending ? l10n.t('↓ Desc') : l10n.t('↑ Asc')}
            </Button>
            <Button onClick={() => store.update((s) => ({ ...s, catalog: DEFAULT_FILTERS }))}>{l10n.t('Reset')}</Button>
          </div>
          <p className="mr-muted" role="status" aria-live="polite">
            {rows.length
              ? l10n.t('Showing {0}–{1} of {2} models.', formatCount(page * PAGE_SIZE + 1), formatCount(page * PAGE_SIZE + visible.length), formatCount(rows.length))
              : l10n.t('No model matches these filters.')}
            {sort !== filters.sort && rows.length ? ` ${l10n.t('No weekly token figures are available (offline or not yet loaded), so newest first.')}` : ''}
            <PriceAgeInline snapshot={snapshot} />
          </p>
          {rows.length ? (
            <div className="mr-table-wrap">
              <table className="mr-table">
                <caption className="mr-visually-hidden">{l10n.t('OpenRouter models, prices in US dollars per million tokens')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{l10n.t('Model')}</th>
                    <th scope="col">{l10n.t('Region · lab')}</th>
                    <SortHeader sort="input" label={l10n.t('$/1M in')} filters={shown} onSort={sortBy} />
                    <SortHeader sort="output" label={l10n.t('$/1M out')} filters={shown} onSort={sortBy} />
                    <th scope="col" className="mr-num">
                      {l10n.t('Cache read')}
                    </th>
                    <SortHeader sort="context" label={l10n.t('Context')} filters={shown} onSort={sortBy} />
                    <SortHeader sort="tokens" label={l10n.t('Weekly tokens')} filters={shown} onSort={sortBy} />
                    <SortHeader sort="coding" label={l10n.t('Coding')} filters={shown} onSort={sortBy} />
                    <SortHeader sort="newest" label={l10n.t('Added')} filters={shown} onSort={sortBy} />
                    <th scope="col">{l10n.t('Actions')}</th>
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
            <nav className="mr-pager" aria-label={l10n.t('Catalog pages')}>
              <Button disabled={page === 0} onClick={() => store.update((s) => ({ ...s, catalog: { ...s.catalog, page: page - 1 } }))}>
                {l10n.t('Previous')}
              </Button>
              <span>{l10n.t('Page {0} of {1}', formatCount(page + 1), formatCount(pages))}</span>
              <Button disabled={page >= pages - 1} onClick={() => store.update((s) => ({ ...s, catalog: { ...s.catalog, page: page + 1 } }))}>
                {l10n.t('Next')}
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

/** OpenRouter's input modalities ("text", "image", "file", "audio", "video") in the UI language; others as sent. */
function modalityLabel(m: string): string {
  switch (m) {
    case 'text':
      return l10n.t('text');
    case 'image':
      return l10n.t('image');
    case 'file':
      return l10n.t('file');
    case 'audio':
      return l10n.t('audio');
    case 'video':
      return l10n.t('video');
    default:
      return m;
  }
}

function priceCell(m: CatalogModel, value: number | null): string {
  return m.variable ? l10n.t('varies') : formatPrice(value);
}

function CatalogRowView({ row, yours }: { row: CatalogRow; yours: boolean }): ReactElement {
  const { model: m } = row;
  const copy = useAction('model/copyId');
  const open = useAction('model/openOnWeb');
  return (
    <tr className={yours ? 'mr-yours' : undefined}>
      <th scope="row" className="mr-model-cell">
        <span className="mr-model-name">{m.name}</span>
        {yours ? <span className="mr-yours-tag"> {l10n.t('(yours)')}</span> : null}
        <code className="mr-model-id">{m.id}</code>
      </th>
      <td>
        <RegionMark region={m.region} /> · {m.lab}
      </td>
      <td className="mr-num">{priceCell(m, m.price.input)}</td>
      <td className="mr-num">{priceCell(m, m.price.output)}</td>
      <td className="mr-num">{m.variable ? l10n.t('varies') : formatPrice(m.price.cacheRead)}</td>
      <td className="mr-num">{formatContext(m.contextLength)}</td>
      <WeeklyCell row={row} />
      <td className="mr-num">{formatIndex(m.codingIndex)}</td>
      <td className="mr-num">{formatUnixDay(m.created)}</td>
      <td>
        {/* Flex inside the cell: a flex td leaves the table layout and its row border. */}
        <span className="mr-row-actions">
          <IconButton icon="copy" label={l10n.t('Copy id {0}', m.id)} title={l10n.t('Copy id')} onClick={() => void copy.run({ modelId: m.id })} />
          <IconButton icon="external" label={l10n.t('Open {0} on openrouter.ai', m.id)} title={l10n.t('Open on openrouter.ai')} onClick={() => void open.run({ modelId: m.id })} />
          {copy.result?.copied ? (
            <span className="mr-muted" role="status">
              {l10n.t('Copied')}
            </span>
          ) : null}
          {copy.error || open.error ? <span className="mr-inline-error">{(copy.error ?? open.error)?.message}</span> : null}
        </span>
      </td>
    </tr>
  );
}
