import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { getBridge } from './bridge'
import { installMonacoEnvironment } from './editor/monacoEnvironment'
import { setEngineBridge } from './stores/enginePort'
import './styles/app.css'

installMonacoEnvironment()
setEngineBridge(getBridge())
createApp(App).use(createPinia()).mount('#app')
