<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Internal\Service;

/**
 * The items of a paginated list call, fetched one page at a time as iteration reaches the end of the page in
 * hand: nothing is fetched before the first valid()/current(). Rewinding starts over from the first page.
 *
 * @internal
 * @template T
 * @implements \Iterator<int, T>
 */
abstract class LazyPager implements \Iterator
{
    /** @var list<T> */
    private array $page = [];
    private int $offset = 0;
    private int $key = 0;
    private ?string $nextPageToken = '';
    private bool $started = false;

    /**
     * One page and the token of the next ('' after the last page).
     *
     * @return array{list<T>, string}
     */
    abstract protected function fetchPage(string $pageToken): array;

    /** @return T */
    public function current(): mixed
    {
        $this->fill();
        return $this->page[$this->offset] ?? throw new \OutOfBoundsException('No more items');
    }

    public function key(): int
    {
        return $this->key;
    }

    public function next(): void
    {
        $this->fill();
        $this->offset++;
        $this->key++;
    }

    public function rewind(): void
    {
        $this->page = [];
        $this->offset = $this->key = 0;
        $this->nextPageToken = '';
        $this->started = false;
    }

    public function valid(): bool
    {
        $this->fill();
        return isset($this->page[$this->offset]);
    }

    /** Fetches pages until the offset is inside one or there are no more (a page may come back empty). */
    private function fill(): void
    {
        while (!isset($this->page[$this->offset]) && $this->nextPageToken !== null) {
            if ($this->started && $this->nextPageToken === '') {
                $this->nextPageToken = null;
                return;
            }
            $this->started = true;
            [$this->page, $this->nextPageToken] = $this->fetchPage((string) $this->nextPageToken);
            $this->offset = 0;
        }
    }
}
