// `npm run web`: the sync server on its embedded defaults (demo desk on first run) serving the UI
// to a browser, at the address it prints (scripts/desk/).
import { launchDesk } from './desk/launch.mjs';

await launchDesk('browser');
