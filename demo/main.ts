// The demo page: an ESM single-page app importing Baton by package name, as an integrator would.
// Baton's optional stylesheet (published as baton-sdk/style.css), bundled by vite.
import '../src/style.css';
import { startRequestLog, showSecretsHeld } from './log-panel.js';
import { mountSaspDemo } from './sasp-demo.js';
import { mountConnectDemo } from './connect-demo.js';
import { mountSbcDemo } from './sbc-demo.js';
import { mountLanguageSwitch } from './language.js';

mountLanguageSwitch(document.getElementById('demo-language') as HTMLSelectElement);
mountSaspDemo(document.getElementById('sasp-demo')!);
mountConnectDemo(document.getElementById('connect-demo')!);
mountSbcDemo(document.getElementById('sbc-demo')!);
void showSecretsHeld(document.getElementById('secrets-held')!);
startRequestLog(document.getElementById('request-log')!);
