import type { Ctx } from '../../db/context';
import { seedTemplates } from './templates';

/**
 * Built-in rows every database should have (templates, ...). Runs at each start-up and must be
 * idempotent: it only adds what is missing. Each domain that has built-ins adds its seeder here.
 */
const seeders: Array<(ctx: Ctx) => void> = [seedTemplates];

export function seedBuiltIns(ctx: Ctx) {
  for (const seed of seeders) seed(ctx);
}
