import { createContext, useContext } from 'react';
import type { Me } from '../../contract/api';
import type { Api } from './api';
import type { ThemeName } from './theme';

export interface Signed {
  api: Api;
  me: Me;
}

export const SignedContext = createContext<Signed | undefined>(undefined);
export const ThemeNameContext = createContext<ThemeName>('light');

export function useSigned(): Signed {
  const signed = useContext(SignedContext);
  if (!signed) throw new Error('useSigned outside a signed-in page');
  return signed;
}

export const useThemeName = (): ThemeName => useContext(ThemeNameContext);
