'use client';

import { useEffect, useState } from 'react';
import { useDict } from '@/lib/i18n/language';
import { Button } from '../ui/button';

export function ThemeToggle() {
  const [dark, setDark] = useState(false);
  const t = useDict().ui.header;
  useEffect(() => setDark(document.documentElement.classList.contains('dark')), []);
  const toggle = () => {
    const next = !dark;
    document.documentElement.classList.toggle('dark', next);
    localStorage.setItem('offset-lab-theme', next ? 'dark' : 'light');
    setDark(next);
  };
  return (
    <Button variant="ghost" onClick={toggle} aria-label={dark ? t.toLight : t.toDark}>
      {dark ? t.light : t.dark}
    </Button>
  );
}
