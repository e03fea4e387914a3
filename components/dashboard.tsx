'use client';

export function Dashboard() {
  return <main className="p-6">Offset Lab</main>;
}
