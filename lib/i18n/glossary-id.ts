import type { Widen } from './dictionary';
import type { GLOSSARY_EN } from './glossary-en';

/** The glossary in Bahasa Indonesia; Kafka's own terms keep their Kafka names, as the course does. */
export const GLOSSARY_ID: Widen<typeof GLOSSARY_EN> = {
  offset:
    'Posisi sebuah message di dalam satu partition: 0 untuk yang pertama, lalu terus naik. Setiap partition punya offset sendiri.',
  'log-end':
    'Log end offset: offset yang akan didapat message berikutnya yang ditulis ke partition (offset terakhir + 1).',
  'log-start':
    'Log start offset: offset tertua yang masih ada di broker; retention menghapus semua yang sebelumnya.',
  commit:
    'Commit menyimpan posisi group di Kafka (__consumer_offsets): offset message berikutnya yang akan dibaca. Setelah restart atau rebalance, group melanjutkan dari sana.',
  committed:
    'Offset yang di-commit, seperti yang ditampilkan kafka-consumer-groups.sh: offset berikutnya yang akan dibaca group. Kosong bila group belum pernah commit di partition ini.',
  processed:
    'Sejauh mana consumer lab ini benar-benar sudah memproses. Di antara committed dan processed ada pekerjaan yang akan dibaca ulang bila terjadi crash (duplikat at-least-once).',
  lag: 'Lag = log end offset − committed offset: message yang sudah ditulis tetapi belum di-commit oleh group. Lag yang terus naik berarti consumer lebih lambat daripada producer.',
  rebalance:
    'Group membagikan ulang partition-nya karena ada member yang bergabung, keluar, dikeluarkan, atau jumlah partition topic berubah. Eager (range, round-robin): semua member melepas semua partition dan tidak ada yang mengonsumsi sampai selesai. Cooperative dan KIP-848: hanya partition yang pindah yang berhenti.',
  'session-timeout':
    'session.timeout.ms: bila coordinator tidak menerima heartbeat dari sebuah member selama ini, member itu dikeluarkan dan terjadi rebalance. Consumer yang crash tetap memegang partition-nya sampai saat itu.',
  assignor:
    'Cara partition dibagi. Range memberi setiap consumer satu blok berurutan per topic; round-robin membagikannya bergiliran; sticky mempertahankan sebanyak mungkin di tempat semula; cooperative-sticky melakukan hal itu dan hanya memindahkan partition yang harus pindah. Group KIP-848 memakai assignor uniform atau range milik broker.',
  client:
    'Library client yang dijalankan consumer lab: kafkajs (Node.js, hanya protocol classic, heartbeat di antara message) atau client Java milik Kafka sendiri (semua protocol dan assignor, heartbeat dari thread latar belakang).',
  'share-group':
    'Share group (KIP-932, Kafka 4) adalah antrean di atas topic: member-nya membaca partition yang sama bersama-sama. Setiap record dikunci untuk satu member pada satu waktu dan di-acknowledge satu per satu (accepted, released untuk dicoba lagi, atau rejected); record yang belum di-acknowledge sampai kuncinya habis pindah ke member lain.',
  'share-start-offset':
    'Share-partition start offset (SPSO): semua record di bawahnya sudah selesai (accepted, atau di-archive sesudah percobaan terakhir). Record di atasnya mungkin sudah selesai, sedang dikunci member, atau menunggu. kafka-share-groups.sh menampilkannya sebagai START-OFFSET.',
  'share-lock':
    'share.record.lock.duration.ms: berapa lama sebuah record tetap terkunci untuk member yang mengambilnya. Member yang hidup tetapi diam memegangnya selama itu; sesudahnya Kafka memberikannya ke member lain dengan delivery count bertambah satu.',
  'share-lag':
    'Share lag milik Kafka (KIP-1226): log end − start offset − record yang sudah selesai di atas start offset. Nilainya lebih kecil daripada log end − start offset begitu member menyelesaikan record tidak berurutan.',
  'group-protocol':
    'classic: member bergabung ulang lewat JoinGroup/SyncGroup; dengan assignor eager semua berhenti selama rebalance. consumer (KIP-848, Kafka 4): broker menghitung assignment, dan member hanya melepas dan mengambil partition yang berpindah, satu per satu.',
  'max-poll-interval':
    'max.poll.interval.ms: waktu terlama yang boleh dipakai consumer Java di antara dua panggilan poll(). Heartbeat tetap berjalan di latar belakang, tetapi lewat batas ini client keluar sendiri dari group dan bergabung lagi pada poll berikutnya. Naikkan untuk pemrosesan yang lambat.',
  'static-membership':
    'group.instance.id memberi member identitas tetap: bila ia restart dalam session timeout, ia mendapatkan partition-nya kembali tanpa rebalance.',
  'member-epoch':
    'KIP-848: epoch setiap member mengikuti group epoch setelah member itu mengambil target assignment-nya. Selama berbeda, group sedang reconciling.',
  generation:
    'Generation id naik satu setiap kali rebalance selesai (group KIP-848: group epoch). Commit dari generation lama ditolak, yang melindungi dari consumer zombie.',
  'group-state':
    'Stable: sedang mengonsumsi. PreparingRebalance: menunggu member bergabung ulang. CompletingRebalance: menunggu assignment dari leader. Assigning/Reconciling (KIP-848): broker menghitung assignment baru, lalu member berpindah ke sana. Empty: tanpa member, offset disimpan. Dead: dihapus.',
  'commit-mode':
    'after-processing dan auto hanya meng-commit offset yang sudah diproses (at-least-once: crash membuat baca ulang, tidak pernah hilang); auto menunggu auto.commit.interval.ms, jadi membaca ulang lebih banyak. batch meng-commit setiap N message atau T ms (lebih sedikit commit, lebih banyak yang dibaca ulang). before-processing meng-commit setiap batch sebelum memprosesnya (at-most-once: crash menghilangkan sisa batch). exactly-once menulis output dan offset dalam satu transaksi.',
  'exactly-once':
    'Consumer membaca dengan isolation.level=read_committed, menulis output-nya ke <topic>.out dan mengirim offset yang dikonsumsi dalam transaksi yang sama (sendOffsetsToTransaction). Crash membatalkan transaksi yang terbuka: pekerjaannya diproses ulang, tetapi output menyimpannya sekali saja bagi pembaca read_committed.',
  dlq: 'Dead letter queue: message yang tetap gagal setelah retry (exponential backoff) dikirim ke <topic>.dlq dengan header yang menyebut topic, partition dan offset asalnya, error-nya dan jumlah percobaan; lalu consumer meng-commit melewatinya, sehingga message yang baik tetap mengalir.',
  acks: 'acks=all menunggu sampai semua replica in-sync memiliki message; leader hanya menunggu leader; none tidak menunggu sama sekali, sehingga message yang hilang tidak ketahuan.',
  idempotence:
    'Producer idempotent memberi nomor pada batch-nya sehingga broker membuang duplikat akibat retry. Ini membutuhkan acks=all.',
  'key-mode':
    'Kafka meng-hash key (murmur2) untuk memilih partition: key yang sama selalu masuk ke partition yang sama, jadi urutan message-nya terjaga. Tanpa key, message tersebar.',
  health:
    'Aturan Burrow atas 20 detik terakhir setiap partition: OK mengikuti; WARN lag bertambah; STALL commit datang tetapi offset tidak bergerak; STOP message menunggu dan tidak ada commit; REWIND committed offset mundur. Sebuah group menampilkan partition terburuknya.',
  'lag-seconds':
    'Seberapa tua message berikutnya yang akan dikonsumsi: kapan log end melewati committed offset, dibaca dari pertumbuhan log end dari waktu ke waktu (seperti kafka-lag-exporter); bila riwayat itu tidak mencapai sejauh itu (setelah restart, jeda panjang, compaction, retensi), dari timestamp record itu sendiri. "≥" selama record itu sedang dibaca.',
  'delivery-audit':
    'Setiap message yang di-ack membawa nomor urut. Missing = di-ack tetapi tidak pernah diproses oleh group ini (data hilang); duplikat = diproses lebih dari sekali (replay at-least-once).',
  replication:
    'Setiap partition disimpan di replication.factor broker. Satu replika adalah leader, yang menerima semua penulisan dan pembacaan; follower menyalinnya. Partition bertahan selama masih ada satu replika in-sync.',
  leader:
    'Replika partition tempat producer menulis dan consumer membaca. Saat broker-nya mati, controller memilih replika in-sync lain sebagai leader (setelah broker.session.timeout.ms tanpa heartbeat: 3 detik di lab).',
  isr: 'In-sync replicas: leader dan follower yang sudah menyusulnya. Broker yang mati, atau tertinggal selama replica.lag.time.max.ms, dikeluarkan dari ISR; ia ditambahkan lagi setelah menyusul.',
  'min-insync-replicas':
    'min.insync.replicas: berapa replika in-sync yang dibutuhkan penulisan acks=all. Jika kurang, leader menolaknya (NotEnoughReplicas) alih-alih menyimpannya di terlalu sedikit salinan. acks=1 dan acks=0 mengabaikannya.',
  'under-replicated':
    'Partition yang ISR-nya lebih kecil dari daftar replikanya: ada salinan yang hilang atau tertinggal. Offline: tidak ada leader sama sekali, jadi tidak ada yang bisa menulis atau membacanya.',
  controller:
    'Controller KRaft menyimpan metadata cluster: broker mana yang hidup, replika mana yang memimpin tiap partition, ISR. Ia mem-fence broker yang berhenti mengirim heartbeat dan memindahkan kepemimpinannya. Lab 3 broker menjalankannya sebagai proses tersendiri.',
  fenced:
    'Broker terdaftar yang tidak diizinkan controller melayani: ia berhenti mengirim heartbeat (di-kill, macet) atau baru saja mulai dan masih menyusul metadata.',
  retention:
    'retention.ms dan retention.bytes: berapa lama, atau berapa banyak per partition, log disimpan. Kafka menghapus segment utuh yang sudah ditutup, yang tertua dulu, dan log start offset melompat maju; segment aktif tidak pernah dihapus.',
  segment:
    'Log sebuah partition adalah rangkaian file segment. Segment baru dimulai setelah segment.bytes atau segment.ms; retention hanya bisa menghapus segment yang sudah ditutup, jadi segment kecil membuat retention bekerja lebih cepat.',
  'offsets-retention':
    'offsets.retention.minutes (default 7 hari): berapa lama Kafka menyimpan committed offset sebuah group yang tidak punya member. Setelah itu, consumer group tersebut mulai lagi dari auto.offset.reset.',
  'offset-reset':
    'auto.offset.reset: tempat consumer mulai saat posisinya tidak ada atau sudah hilang. Posisi di bawah log start (dihapus oleh retention) mendapat OFFSET_OUT_OF_RANGE, dan client melompat ke earliest (log start) atau latest (log end): message di antaranya tidak pernah dibaca.',
};
