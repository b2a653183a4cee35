// The e2e harness reads the same definitions as `npm run setup` and `npm test`.
export {
  CHROMIUM_MISSING,
  CHROMIUM_PATH,
  chromiumArgs,
  hasChromium,
} from '../../scripts/chromium.mjs';
