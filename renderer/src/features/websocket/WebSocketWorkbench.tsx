import { SplitPane } from '../../components/SplitPane.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { WebSocketTab } from '../tabs/tabs-reducer.ts';
import { MessageLog } from './MessageLog.tsx';
import { WsRequestEditor } from './WsRequestEditor.tsx';

/** A WebSocket tab: the connection and composer over the live message log, like a request over its response. */
export function WebSocketWorkbench({ tab }: { tab: WebSocketTab }) {
  const { t } = useI18n();
  return <SplitPane label={t('ws.split.resize')} initialRatio={0.42} top={<WsRequestEditor tab={tab} />} bottom={<MessageLog tabId={tab.id} />} />;
}
