// Glue only: the page's last rendering (public/snapshot.js) or the static shell in index.html
// paints first, then the app loads (SPEC §11).
import { afterFirstPaint } from '../../components/after-first-paint';

afterFirstPaint(() => import('./app'));
