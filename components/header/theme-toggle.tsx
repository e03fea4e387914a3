'use client';

import { useEffect, useState } from 'react';
import { Button } from '../ui/button';

export function ThemeToggle() {
  const [dark, setDark] = useState(false);
  useEffect(() => setDark(document.documentElement.classList.contains('dark')), []);
  const toggle = () => {
    const next = !dark;
    document.documentElement.classList.toggle('dark', next);
    localStorage.setItem('offset-lab-theme', next ? 'dark' : 'light');
    setDark(next);
  };
  return (
    <Button
      variant="ghost"
      onClick={toggle}
      aria-label={dark ? 'Switch to light theme' : 'Switch to dark theme'}
    >
      {dark ? '☀ Light' : '☾ Dark'}
    </Button>
  );
}
