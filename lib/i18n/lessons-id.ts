import type { Widen } from './dictionary';
import type { LESSONS_EN } from './lessons-en';

/** Pelajaran dalam Bahasa Indonesia. */
export const LESSONS_ID: Widen<typeof LESSONS_EN> = {
  panel: {
    title: 'Pelajaran',
    tabLessons: 'Pelajaran',
    tabExperiments: 'Semua eksperimen',
    part: 'Bagian {n}',
    step: 'Langkah {n} dari {of}',
    predict: 'Prediksi Anda',
    run: 'Buktikan di lab',
    runTitle:
      'Menjalankan eksperimen langkah ini di broker sungguhan; group-nya dihapus setelah selesai',
    pickFirst: 'Pilih prediksi dulu',
    busy: 'Eksperimen lain sedang berjalan',
    blocked: 'Tidak tersedia di lab ini: {why}',
    youSaid: 'Prediksi Anda: {choice}',
    right: 'Benar: Kafka melakukan persis itu.',
    wrong: 'Belum tepat: Kafka melakukan “{answer}”.',
    unclear: 'Hasilnya belum jelas (lihat angkanya); coba lagi.',
    next: 'Langkah berikutnya',
    previous: 'Langkah sebelumnya',
    done: '{done} dari {total} langkah selesai',
    reset: 'Mulai pelajaran dari awal',
  },
  lessons: {
    producer: {
      title: 'Producer: key, acks, idempotence',
      intro: 'Ke mana sebuah message masuk, dan kapan producer boleh menganggapnya aman.',
    },
    offsets: {
      title: 'Offset dan consumer group',
      intro:
        'Group mengingat posisinya sebagai committed offset; group baru menentukan dari mana mulai.',
    },
    semantics: {
      title: 'Delivery semantics, lag, dan DLQ',
      intro: 'Kapan Anda commit menentukan apakah crash menggandakan atau menghilangkan pekerjaan.',
    },
    coordinator: {
      title: 'Coordinator, assignor, dan rebalance',
      intro:
        'Apa yang dihentikan rebalance, dan bagaimana static membership dan heartbeat menghindarinya.',
    },
    replication: {
      title: 'Topic, replikasi, dan retensi',
      intro: 'acks=1 dibanding acks=all saat leader mati (perlu LAB_BROKERS=3).',
    },
  },
  steps: {
    'same-key': {
      ask: 'Producer mengirim 100 trade dengan satu key tetap ke topic dengan 6 partition. Ke mana trade itu masuk?',
      choices: [
        'Semua ke satu partition',
        'Tersebar rata ke 6 partition',
        'Ke partition yang datanya paling sedikit',
      ],
    },
    'broker-down': {
      ask: 'Dengan acks=all dan idempotence, broker berhenti saat producer mengirim, lalu hidup lagi. Apa yang terjadi pada trade yang sudah di-ack?',
      choices: [
        'Sebagian trade yang sudah di-ack hilang',
        'Sebagian tertulis dua kali',
        'Tidak ada yang hilang atau ganda; pengiriman gagal hanya selama broker mati',
      ],
    },
    'kill-restart': {
      ask: 'Consumer yang commit setelah memproses tertinggal lalu di-kill dengan SIGKILL. Dari mana restart-nya mulai?',
      choices: [
        'Dari awal topic',
        'Dari offset yang di-commit group',
        'Dari log end: hanya message baru',
      ],
    },
    'new-group-start': {
      ask: 'Dua group id baru mulai di topic yang sudah berisi data: satu auto.offset.reset=earliest, satu latest. Apa yang dibaca masing-masing?',
      choices: [
        'Keduanya membaca semua yang sudah ada',
        'Keduanya hanya membaca yang datang setelah bergabung',
        'earliest membaca semua yang ada; latest hanya yang datang setelah bergabung',
      ],
    },
    'crash-uncommitted': {
      ask: 'Consumer dengan auto-commit 20 detik di-kill di antara dua commit. Setelah restart, record yang sudah diproses tetapi belum di-commit…',
      choices: [
        'diproses lagi: ganda, tidak ada yang hilang',
        'dilewati: hilang',
        'tidak keduanya: Kafka ingat apa yang sudah diproses',
      ],
    },
    'at-most-once': {
      ask: 'Consumer commit setiap batch sebelum memprosesnya dan di-kill di tengah batch. Apa yang terjadi pada sisa batch itu?',
      choices: [
        'Diproses dua kali',
        'Tidak pernah diproses: hilang, tetapi tidak ada yang ganda',
        'Tidak apa-apa: restart mengambilnya',
      ],
    },
    'poison-dlq': {
      ask: 'Group dengan 3 percobaan dan DLQ membaca saat 10 % trade adalah poison. Apa yang terjadi?',
      choices: [
        'Group berhenti di poison message pertama',
        'Poison message dicoba ulang selamanya',
        'Masing-masing dicoba ulang, lalu ditulis ke DLQ sekali; message yang baik tidak terpengaruh',
      ],
    },
    'exactly-once-crash': {
      ask: 'Consumer exactly-once di-kill saat transaksinya masih berisi pekerjaan. Apa isi <topic>.out jika dibaca dengan read_committed?',
      choices: ['Setiap trade tepat sekali', 'Sebagian trade ganda', 'Sebagian trade hilang'],
    },
    'three-protocols': {
      ask: 'Satu member dari group eager, cooperative, dan KIP-848 di-kill. Partition mana yang berhenti selama rebalance?',
      choices: [
        'Semua partition, di ketiga group',
        'Eager: semua; cooperative dan KIP-848: hanya milik member yang mati',
        'Tidak ada: member yang tersisa tetap jalan di ketiganya',
      ],
    },
    'static-membership': {
      ask: 'Member dengan group.instance.id di-kill dan di-restart sebelum session timeout habis. Apa yang terjadi?',
      choices: [
        'Ia mendapat partition yang sama kembali, tanpa rebalance',
        'Rebalance memberinya member id dan partition baru',
        'Partition-nya pindah ke member lain selamanya',
      ],
    },
    'slow-consumer': {
      ask: 'Consumer kafkajs dan Java masing-masing butuh 4 detik per message (session timeout 3 detik, max.poll.interval 5 detik). Apa yang terjadi pada masing-masing?',
      choices: [
        'Keduanya dikeluarkan karena session timeout',
        'Keduanya tetap memegang partition-nya',
        'kafkajs dikeluarkan karena session timeout; Java keluar sendiri saat max.poll.interval lewat',
      ],
    },
    'acks-under-failure': {
      ask: 'Leader partition 0 di-kill saat producer menulis. Apa yang hilang dengan acks=1 dan acks=all?',
      choices: [
        'acks=all juga kehilangan sebagian tulisan yang sudah di-ack',
        'acks=all tidak kehilangan apa pun; acks=1 bisa kehilangan yang belum direplikasi leader',
        'Keduanya tidak mungkin kehilangan apa pun',
      ],
    },
  },
};
