import { useEffect, type ReactNode } from 'react';
import { useApi } from './lib/hooks';
import { href, useRoute, type Route } from './lib/router';
import { ApplicationDetailScreen } from './screens/ApplicationDetail';
import { ComposerScreen } from './screens/Composer';
import { ContactDetailScreen } from './screens/ContactDetail';
import { ContactsScreen } from './screens/Contacts';
import { InsightsScreen } from './screens/Insights';
import { InterviewScreen } from './screens/Interview';
import { PipelineScreen } from './screens/Pipeline';
import { SettingsScreen } from './screens/Settings';
import { StationeryScreen } from './screens/Stationery';
import { TodayScreen } from './screens/Today';

const NAV: Array<{ route: Route; label: string; match: Route['name'][] }> = [
  { route: { name: 'today' }, label: 'Today', match: ['today', 'interview', 'compose'] },
  { route: { name: 'pipeline' }, label: 'Pipeline', match: ['pipeline', 'application'] },
  { route: { name: 'contacts' }, label: 'Contacts', match: ['contacts', 'contact'] },
  { route: { name: 'stationery' }, label: 'Stationery', match: ['stationery'] },
  { route: { name: 'insights' }, label: 'Insights', match: ['insights'] },
  { route: { name: 'settings' }, label: 'Settings', match: ['settings'] },
];

export function App() {
  const route = useRoute();
  const settings = useApi('settings.get', {});
  const theme = settings.data?.theme ?? 'system';
  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);

  let screen: ReactNode;
  switch (route.name) {
    case 'pipeline':
      screen = <PipelineScreen />;
      break;
    case 'application':
      screen = <ApplicationDetailScreen key={route.id} id={route.id} />;
      break;
    case 'interview':
      screen = <InterviewScreen key={route.id} id={route.id} />;
      break;
    case 'insights':
      screen = <InsightsScreen />;
      break;
    case 'settings':
      screen = <SettingsScreen />;
      break;
    case 'compose':
      screen = <ComposerScreen key={`${route.target}/${route.id}`} target={route.target} id={route.id} />;
      break;
    case 'stationery':
      screen = <StationeryScreen />;
      break;
    case 'contacts':
      screen = <ContactsScreen />;
      break;
    case 'contact':
      screen = <ContactDetailScreen key={route.id} id={route.id} />;
      break;
    default:
      screen = <TodayScreen />;
  }
  return (
    <div className="app">
      <nav className="sidebar" aria-label="Main">
        <div className="brand">
          Courtesy<small>Job search, kindly kept</small>
        </div>
        {NAV.map((n) => (
          <a key={n.label} className="nav-link" href={href(n.route)} aria-current={n.match.includes(route.name) ? 'page' : undefined}>
            {n.label}
          </a>
        ))}
      </nav>
      <main className="main">{screen}</main>
    </div>
  );
}
