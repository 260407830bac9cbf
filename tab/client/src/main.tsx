import { createRoot } from 'react-dom/client';
import { TabRoot } from './components/TabRoot';
import { startTeams } from './teams';
import './styles.css';

const host = document.getElementById('root');
if (host) {
  const root = createRoot(host);
  void startTeams().then((start) => root.render(<TabRoot start={start} />));
}
