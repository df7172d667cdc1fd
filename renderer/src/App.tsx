import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { setDisplayZone } from './lib/format';
import { useApi } from './lib/hooks';
import { firstScreen } from './lib/early';
import { href, useRoute, type Route } from './lib/router';
import { Keyboard } from './keys/Keyboard';
import { DesktopNotices } from './notify/DesktopNotices';
import { PipelineScreen } from './pipeline/PipelineScreen';
import { IntegrityWarning } from './ui/IntegrityWarning';

// The pipeline loads with the app; every other screen on first visit (a faster first render). Today,
// the other home screen, brings luxon and its sections: when the app opens on it, its chunk is asked
// for at once, while the app's bundle runs, so it is there by the time React renders.
const loadToday = () => import('./today/TodayScreen');
if (firstScreen() === 'today') void loadToday().catch(() => undefined);
const TodayScreen = lazy(() => loadToday().then((m) => ({ default: m.TodayScreen })));

const ApplicationDetailScreen = lazy(() => import('./application/ApplicationDetailScreen').then((m) => ({ default: m.ApplicationDetailScreen })));
const ComposerScreen = lazy(() => import('./composer/ComposerScreen').then((m) => ({ default: m.ComposerScreen })));
const ContactDetailScreen = lazy(() => import('./contacts/ContactDetailScreen').then((m) => ({ default: m.ContactDetailScreen })));
const ContactsScreen = lazy(() => import('./contacts/ContactsScreen').then((m) => ({ default: m.ContactsScreen })));
const InsightsScreen = lazy(() => import('./insights/InsightsScreen').then((m) => ({ default: m.InsightsScreen })));
const InterviewScreen = lazy(() => import('./interview/InterviewScreen').then((m) => ({ default: m.InterviewScreen })));
const SettingsScreen = lazy(() => import('./settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })));
const StationeryScreen = lazy(() => import('./stationery/StationeryScreen').then((m) => ({ default: m.StationeryScreen })));
const TemplatesScreen = lazy(() => import('./templates/TemplatesScreen').then((m) => ({ default: m.TemplatesScreen })));
const OffersScreen = lazy(() => import('./offers/OffersScreen').then((m) => ({ default: m.OffersScreen })));
const NotesScreen = lazy(() => import('./notes/NotesScreen').then((m) => ({ default: m.NotesScreen })));
const NAV: Array<{ route: Route; label: string; match: Route['name'][] }> = [
  { route: { name: 'today' }, label: 'Today', match: ['today', 'interview', 'compose'] },
  { route: { name: 'pipeline' }, label: 'Pipeline', match: ['pipeline', 'application'] },
  { route: { name: 'contacts' }, label: 'Contacts', match: ['contacts', 'contact'] },
  { route: { name: 'notes' }, label: 'Notes', match: ['notes'] },
  { route: { name: 'offers' }, label: 'Offers', match: ['offers'] },
  { route: { name: 'stationery' }, label: 'Stationery', match: ['stationery'] },
  { route: { name: 'insights' }, label: 'Insights', match: ['insights'] },
  { route: { name: 'settings' }, label: 'Settings', match: ['settings', 'templates'] },
];

export function App() {
  const route = useRoute();
  const settings = useApi('settings.get', {});
  const theme = settings.data?.theme ?? 'system';
  if (settings.data) setDisplayZone(settings.data.timeZone);
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
    case 'notes':
      screen = <NotesScreen />;
      break;
    case 'insights':
      screen = <InsightsScreen />;
      break;
    case 'offers':
      screen = <OffersScreen />;
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
    case 'templates':
      screen = <TemplatesScreen id={route.id} />;
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
      {/* The first Tab stop. Not a #fragment link: the hash is the route. */}
      <a className="skip-link" href="#content" onClick={(e) => (e.preventDefault(), document.getElementById('content')?.focus())}>
        Skip to content
      </a>
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
      <main className="main" id="content" tabIndex={-1}>
        <IntegrityWarning />
        <Suspense fallback={<div className="page muted">Loading…</div>}>{screen}</Suspense>
      </main>
      <Keyboard />
      <DesktopNotices />
    </div>
  );
}
