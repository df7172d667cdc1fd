// The preload's allow-list: every contract method name, and nothing else. Kept as plain data so the
// sandboxed preload does not bundle zod; contract.test.ts fails if it drifts from the contract.
export const methodNames = [
  'system.info',
  'system.setNow',
  'settings.get',
  'settings.update',
  'applications.create',
  'applications.get',
  'applications.update',
  'applications.list',
  'applications.moveStage',
  'applications.archive',
  'applications.delete',
  'companies.list',
] as const;
