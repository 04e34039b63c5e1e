--TEST--
DeterminismGuard::run(): clock functions are refused with the call's file:line and a hint; they work outside
--INI--
date.timezone=UTC
--FILE--
<?php
require __DIR__ . '/../fixtures/guard.php';

refusedInside('time', fn() => time());
refusedInside('microtime', fn() => microtime(true));
refusedInside('hrtime', fn() => hrtime(true));
refusedInside('date', fn() => date('Y-m-d'));
refusedInside('date null', fn() => date('Y-m-d', null));
refusedInside('gmdate', fn() => gmdate('Y'));
refusedInside('idate', fn() => idate('Y'));
refusedInside('getdate', fn() => getdate());
refusedInside('localtime', fn() => localtime());
refusedInside('mktime', fn() => mktime(0));
refusedInside('mktime partial', fn() => mktime(1, 2, 3, 4, 5));
refusedInside('gmmktime', fn() => gmmktime(0, 0, 0, 1, null, 2020));
refusedInside('date_create', fn() => date_create());
refusedInside('date_create now', fn() => date_create('NOW'));
refusedInside('date_create_immutable', fn() => date_create_immutable(''));
refusedInside('new DateTime', fn() => new DateTime());
refusedInside('new DateTime now', fn() => new DateTime('now', new DateTimeZone('UTC')));
refusedInside('new DateTimeImmutable', fn() => new DateTimeImmutable());
refusedInside('subclass', fn() => new class extends DateTimeImmutable {});

echo "deterministic forms are allowed:\n";
allowedInside('date with timestamp', fn() => date('Y-m-d', 86400));
allowedInside('gmdate with timestamp', fn() => gmdate('Y', 0));
allowedInside('mktime full', fn() => gmmktime(0, 0, 0, 1, 1, 2020));
allowedInside('new DateTime(date)', fn() => (new DateTime('2020-01-01'))->format('Y-m-d'));
allowedInside('new DateTimeImmutable(@ts)', fn() => (new DateTimeImmutable('@0'))->format('Y'));
allowedInside('date_create(date)', fn() => date_create('2021-02-03')->format('m'));
allowedInside('createFromFormat', fn() => DateTime::createFromFormat('!Y-m-d', '2020-05-06')->format('d'));
?>
--EXPECTF--
time() is not deterministic in workflow code (called at %sclock.php:4); use Workflow::now()
time outside: ok
microtime() is not deterministic in workflow code (called at %sclock.php:5); use Workflow::now()
microtime outside: ok
hrtime() is not deterministic in workflow code (called at %sclock.php:6); use Workflow::now()
hrtime outside: ok
date() is not deterministic in workflow code (called at %sclock.php:7); use Workflow::now()
date outside: ok
date() is not deterministic in workflow code (called at %sclock.php:8); use Workflow::now()
date null outside: ok
gmdate() is not deterministic in workflow code (called at %sclock.php:9); use Workflow::now()
gmdate outside: ok
idate() is not deterministic in workflow code (called at %sclock.php:10); use Workflow::now()
idate outside: ok
getdate() is not deterministic in workflow code (called at %sclock.php:11); use Workflow::now()
getdate outside: ok
localtime() is not deterministic in workflow code (called at %sclock.php:12); use Workflow::now()
localtime outside: ok
mktime() is not deterministic in workflow code (called at %sclock.php:13); use Workflow::now()
mktime outside: ok
mktime() is not deterministic in workflow code (called at %sclock.php:14); use Workflow::now()
mktime partial outside: ok
gmmktime() is not deterministic in workflow code (called at %sclock.php:15); use Workflow::now()
gmmktime outside: ok
date_create() is not deterministic in workflow code (called at %sclock.php:16); use Workflow::now()
date_create outside: ok
date_create() is not deterministic in workflow code (called at %sclock.php:17); use Workflow::now()
date_create now outside: ok
date_create_immutable() is not deterministic in workflow code (called at %sclock.php:18); use Workflow::now()
date_create_immutable outside: ok
new DateTime() is not deterministic in workflow code (called at %sclock.php:19); use Workflow::now()
new DateTime outside: ok
new DateTime() is not deterministic in workflow code (called at %sclock.php:20); use Workflow::now()
new DateTime now outside: ok
new DateTimeImmutable() is not deterministic in workflow code (called at %sclock.php:21); use Workflow::now()
new DateTimeImmutable outside: ok
new DateTimeImmutable() is not deterministic in workflow code (called at %sclock.php:22); use Workflow::now()
subclass outside: ok
deterministic forms are allowed:
date with timestamp: '1970-01-02'
gmdate with timestamp: '1970'
mktime full: 1577836800
new DateTime(date): '2020-01-01'
new DateTimeImmutable(@ts): '1970'
date_create(date): '02'
createFromFormat: '06'
