// Glue only: the page's last rendering (or the static shell in index.html) paints first, then the
// app loads (SPEC §11).
import { afterFirstPaint } from '../../components/after-first-paint';
import { paintSnapshot } from '../../components/paint-snapshot';

paintSnapshot('newtab');
afterFirstPaint(() => import('./app'));
