// Entry of dist/webview/dashboard.js: the dashboard panel.
import { start } from '../main';
import { DashboardBody } from './DashboardBody';

start('dashboard', (_view, props) => <DashboardBody {...props} />);
