// The person's stages (stages.list), loaded once and refreshed after a stage is changed (lib/effects.ts):
// every screen that shows a stage names it from here, in the person's words and board order, and asks
// its kind for any rule (the rejection dialog, folding closed columns), never its key.
import { useMemo } from 'react';
import type { MethodOutput } from '../../../electron/api/contract';
import { CLOSED_KINDS, STAGE_LABELS, type StageKind } from '../../../electron/shared/domain';
import { useApi } from './hooks';

export type StageRow = MethodOutput<'stages.list'>['items'][number];

export interface StageBook {
  /** Every stage, active ones in board order first. */
  all: StageRow[];
  /** The stages the board, the table and the pickers offer, in board order. */
  active: StageRow[];
  name(key: string): string;
  kind(key: string): StageKind | undefined;
  isClosed(key: string): boolean;
}

export function stageBook(items: StageRow[]): StageBook {
  const byKey = new Map(items.map((s) => [s.key, s]));
  // Until the list arrives, a built-in key shows its built-in name rather than nothing.
  const name = (key: string) => byKey.get(key)?.name ?? (STAGE_LABELS as Record<string, string>)[key] ?? key;
  const kind = (key: string) => byKey.get(key)?.kind;
  return {
    all: items,
    active: items.filter((s) => s.archivedAt === null),
    name,
    kind,
    isClosed: (key) => {
      const k = kind(key);
      return k !== undefined && CLOSED_KINDS.includes(k);
    },
  };
}

export function useStages(): StageBook {
  const q = useApi('stages.list', {}, { staleTime: Infinity });
  return useMemo(() => stageBook(q.data?.items ?? []), [q.data]);
}
