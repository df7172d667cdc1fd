// Every contract method's handler. The type makes a missing or extra handler a compile error.
import type { MethodName } from './contract';
import type { Handlers } from './context';
import { applicationsHandlers } from '../domains/applications';
import { companiesHandlers } from '../domains/companies';
import { interviewsHandlers } from '../domains/interviews';
import { todayHandlers } from '../domains/today';
import { templatesHandlers } from '../domains/templates';
import { settingsHandlers } from '../domains/settings';
import { systemHandlers } from '../domains/system';

export const handlers: Handlers<MethodName> = {
  ...systemHandlers,
  ...settingsHandlers,
  ...applicationsHandlers,
  ...companiesHandlers,
  ...interviewsHandlers,
  ...todayHandlers,
  ...templatesHandlers,
};
