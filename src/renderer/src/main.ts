import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { getBridge } from './bridge'
import { installMonacoEnvironment } from './editor/monacoEnvironment'
import { setEngineBridge } from './stores/enginePort'
// The diagram font, bundled (no network); exports embed the same files (src/export/font.ts).
import '@fontsource/jetbrains-mono/latin-400.css'
import '@fontsource/jetbrains-mono/latin-700.css'
import './styles/app.css'

installMonacoEnvironment()
setEngineBridge(getBridge())
createApp(App).use(createPinia()).mount('#app')
