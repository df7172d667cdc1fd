import { z } from 'zod';
import { STAGE_KINDS } from '../../shared/domain';
import { Stage } from '../../shared/inputs/applications';
import { method, reqText } from '../define';

const Kind = z.enum(STAGE_KINDS, { error: 'Choose a kind: not applied yet, open, interviewing, offer, or closed (accepted, rejected or withdrawn).' });
const stageName = reqText('Name', 60);

export const StageRow = z.object({
  key: z.string(),
  name: z.string(),
  kind: z.enum(STAGE_KINDS),
  position: z.number(),
  /** When the stage was archived; archived stages are hidden from the board, the table and the pickers but keep resolving old keys. */
  archivedAt: z.number().nullable(),
});
const StageList = z.object({ items: z.array(StageRow) });

export const stagesContract = {
  'stages.list': method('Your stages in board order, archived ones included (marked).', z.object({}), StageList),
  'stages.create': method('Add a stage at the end of the board, with a name and a kind.', z.object({ name: stageName, kind: Kind }), StageRow),
  'stages.update': method(
    'Rename a stage or change its kind. Renaming never rewrites history: past moves keep the name they had.',
    z.object({ key: Stage, name: stageName.optional(), kind: Kind.optional() }),
    StageRow,
  ),
  'stages.reorder': method(
    'Put the active stages in a new order: every active stage key, each once, in board order.',
    z.object({ keys: z.array(Stage).min(1, 'List the stages in their new order.').max(100) }),
    StageList,
  ),
  'stages.archive': method(
    'Archive a stage. When applications are in it, moveTo names the stage they move to (recorded in their history), all in one step.',
    z.object({ key: Stage, moveTo: Stage.optional() }),
    z.object({ ok: z.literal(true), moved: z.number() }),
  ),
  'stages.restore': method(
    'Bring an archived stage back, at the end of the board. The applications moved out when it was archived stay where they are.',
    z.object({ key: Stage }),
    StageRow,
  ),
};
