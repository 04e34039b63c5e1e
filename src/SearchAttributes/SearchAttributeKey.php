<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\SearchAttributes;

/**
 * The name and indexed type of a search attribute, e.g. SearchAttributeKey::forKeyword('CustomerId'). The
 * attribute must be registered on the namespace with the same type.
 */
final class SearchAttributeKey implements \Stringable
{
    private function __construct(private string $name, private SearchAttributeType $type)
    {
    }

    /** @throws \ValueError $name is empty */
    public static function for(string $name, SearchAttributeType $type): self
    {
        if ($name === '') {
            throw new \ValueError('SearchAttributeKey: the name must not be empty');
        }
        return new self($name, $type);
    }

    /** A string matched exactly (and filtered on); values: string. */
    public static function forKeyword(string $name): self
    {
        return self::for($name, SearchAttributeType::Keyword);
    }

    /** A full-text string; values: string. */
    public static function forText(string $name): self
    {
        return self::for($name, SearchAttributeType::Text);
    }

    /** Values: int (64 bits). */
    public static function forInt(string $name): self
    {
        return self::for($name, SearchAttributeType::Int);
    }

    /** Values: float. */
    public static function forDouble(string $name): self
    {
        return self::for($name, SearchAttributeType::Double);
    }

    /** Values: bool. */
    public static function forBool(string $name): self
    {
        return self::for($name, SearchAttributeType::Bool);
    }

    /** Values: \DateTimeInterface. */
    public static function forDatetime(string $name): self
    {
        return self::for($name, SearchAttributeType::Datetime);
    }

    /** Values: list<string>. */
    public static function forKeywordList(string $name): self
    {
        return self::for($name, SearchAttributeType::KeywordList);
    }

    public function getName(): string
    {
        return $this->name;
    }

    public function getType(): SearchAttributeType
    {
        return $this->type;
    }

    public function __toString(): string
    {
        return "$this->name ({$this->type->value})";
    }
}
