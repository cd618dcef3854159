// Entry of dist/webview/sidebar.js: the sidebar only (no dashboard code).
import { start } from '../main';
import { SidebarBody } from './SidebarBody';

start('sidebar', (_view, props) => <SidebarBody {...props} />);
