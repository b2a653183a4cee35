// Glue only: the static shell in index.html paints first, then the app loads (SPEC §11).
import { afterFirstPaint } from '../../components/after-first-paint';

afterFirstPaint(() => import('./app'));
