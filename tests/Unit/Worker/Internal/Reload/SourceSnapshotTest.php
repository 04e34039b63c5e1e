<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Worker\Internal\Reload;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Worker\Internal\Reload\SourceSnapshot;

final class SourceSnapshotTest extends TestCase
{
    private string $dir;

    protected function setUp(): void
    {
        $this->dir = sys_get_temp_dir() . '/php-temporal-snapshot-' . bin2hex(random_bytes(4));
        mkdir("$this->dir/sub", 0700, true);
        file_put_contents("$this->dir/a.php", '<?php // a');
        file_put_contents("$this->dir/sub/b.php", '<?php // b');
        file_put_contents("$this->dir/notes.txt", 'not PHP');
    }

    protected function tearDown(): void
    {
        exec('rm -rf ' . escapeshellarg($this->dir));
    }

    public function testTheSameBytesAreTheSameSnapshot(): void
    {
        $this->assertTrue(SourceSnapshot::take([$this->dir])->equals(SourceSnapshot::take([$this->dir])));
    }

    public function testAnEditWithinTheSameSecondAndOfTheSameSizeIsSeen(): void
    {
        $before = SourceSnapshot::take([$this->dir]);
        $mtime = filemtime("$this->dir/a.php");
        file_put_contents("$this->dir/a.php", '<?php // A');
        touch("$this->dir/a.php", $mtime);
        $after = SourceSnapshot::take([$this->dir]);

        $this->assertFalse($before->equals($after));
        $this->assertSame(["$this->dir/a.php"], $before->changedFiles($after));
    }

    public function testAddedAndRemovedFilesUnderADirectoryAreChangesButOnlyPhpFilesAreWatched(): void
    {
        $before = SourceSnapshot::take([$this->dir]);
        unlink("$this->dir/sub/b.php");
        file_put_contents("$this->dir/sub/c.php", '<?php // c');
        file_put_contents("$this->dir/notes.txt", 'edited');

        $this->assertSame(["$this->dir/sub/b.php", "$this->dir/sub/c.php"], $before->changedFiles(SourceSnapshot::take([$this->dir])));
    }

    public function testAFileNamedAsAPathIsWatchedWhateverItsExtension(): void
    {
        $before = SourceSnapshot::take(["$this->dir/notes.txt"]);
        file_put_contents("$this->dir/notes.txt", 'edited');

        $this->assertSame(["$this->dir/notes.txt"], $before->changedFiles(SourceSnapshot::take(["$this->dir/notes.txt"])));
    }

    public function testAPathThatDisappearedIsAChangeNotAnError(): void
    {
        $before = SourceSnapshot::take([$this->dir]);
        exec('rm -rf ' . escapeshellarg("$this->dir/sub"));

        $this->assertSame(["$this->dir/sub/b.php"], $before->changedFiles(SourceSnapshot::take([$this->dir, "$this->dir/sub"])));
    }
}
