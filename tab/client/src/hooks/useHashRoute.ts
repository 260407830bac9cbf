import { useEffect, useState } from 'react';
import { parseRoute, type Route } from '../route';

export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash, window.location.pathname));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash, window.location.pathname));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
