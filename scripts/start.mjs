// `npm start`: the sync server on its embedded defaults (demo desk on first run) and the desktop
// app; where the Electron binary is not installed, the same UI served to a browser (scripts/desk/).
import { launchDesk } from './desk/launch.mjs';

await launchDesk('desktop');
