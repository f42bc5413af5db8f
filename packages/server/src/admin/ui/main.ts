import './app.js';
import { loadPreviewWidgets } from './widgets.js';

void loadPreviewWidgets();
