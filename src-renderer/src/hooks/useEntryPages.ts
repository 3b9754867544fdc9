// Paged loading behind the virtualized entry table: only the pages around the viewport are
// fetched, so 50,000 entries cost a few small queries, not one huge one. A change of filter or
// sort starts a new generation; answers from an older generation are dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EntryListRequest, EntryRow } from '../../../src-main/contract';
import { invoke } from '../api';
import { useAppStore } from '../stores/useAppStore';

export const PAGE_SIZE = 200;

type Query = Pick<EntryListRequest, 'campaignId' | 'sort' | 'filter'>;

export function useEntryPages(query: Query) {
  const [total, setTotal] = useState<number | null>(null);
  const [, setVersion] = useState(0);
  const pages = useRef(new Map<number, EntryRow[]>());
  const pending = useRef(new Set<number>());
  const generation = useRef(0);
  /** Bumped by reload(): the rows changed on the server (e.g. a decision marks an entry). */
  const [stamp, setStamp] = useState(0);
  const key = JSON.stringify(query);

  const fetchPage = useCallback(
    async (page: number) => {
      if (pages.current.has(page) || pending.current.has(page)) return;
      pending.current.add(page);
      const gen = generation.current;
      try {
        const result = await invoke('entry:list', { ...query, offset: page * PAGE_SIZE, limit: PAGE_SIZE });
        if (gen !== generation.current) return;
        pages.current.set(page, result.rows);
        setTotal(result.total);
        setVersion((v) => v + 1);
      } catch (error) {
        if (gen === generation.current) useAppStore.setState({ error: error as never });
      } finally {
        pending.current.delete(page);
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- key is query as JSON: a new object with the same content is the same query; stamp forces a new generation
    [key, stamp],
  );

  useEffect(() => {
    generation.current += 1;
    pages.current = new Map();
    pending.current = new Set();
    setTotal(null);
    void fetchPage(0);
  }, [fetchPage]);

  const ensureRange = useCallback(
    (first: number, last: number) => {
      for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) void fetchPage(p);
    },
    [fetchPage],
  );

  const rowAt = useCallback((index: number): EntryRow | undefined => {
    return pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  }, []);

  const reload = useCallback(() => setStamp((n) => n + 1), []);

  return { total, rowAt, ensureRange, reload };
}
