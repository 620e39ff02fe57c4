//! A map kept as a vector of pairs, for the widget's small maps (host calls in flight, widgets on
//! the page, copy overrides, the flow's pending answers and timers). A `BTreeMap` compiles its
//! node code (insert, remove, rebalancing, `retain`) once per key and value type: about 7 KB of
//! wasm for each of these maps (bench/RESULTS.md). They hold a handful of entries, where a linear
//! search costs nothing. Entries stay in insertion order.

#[derive(Clone, Debug, PartialEq)]
pub struct SmallMap<K, V> {
    entries: Vec<(K, V)>,
}

impl<K, V> Default for SmallMap<K, V> {
    fn default() -> Self {
        SmallMap::new()
    }
}

impl<K, V> SmallMap<K, V> {
    pub const fn new() -> Self {
        SmallMap { entries: Vec::new() }
    }
}

impl<K: PartialEq, V> SmallMap<K, V> {
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn position(&self, key: &K) -> Option<usize> {
        self.entries.iter().position(|(k, _)| k == key)
    }

    pub fn get(&self, key: &K) -> Option<&V> {
        self.entries.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn get_mut(&mut self, key: &K) -> Option<&mut V> {
        self.entries.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn contains_key(&self, key: &K) -> bool {
        self.position(key).is_some()
    }

    /// Sets `key` to `value`, returning the value it replaces (the entry keeps its place).
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.position(&key) {
            Some(i) => Some(std::mem::replace(&mut self.entries[i].1, value)),
            None => {
                self.entries.push((key, value));
                None
            }
        }
    }

    pub fn remove(&mut self, key: &K) -> Option<V> {
        self.position(key).map(|i| self.entries.remove(i).1)
    }

    pub fn retain(&mut self, mut keep: impl FnMut(&K, &mut V) -> bool) {
        self.entries.retain_mut(|(k, v)| keep(k, v));
    }

    pub fn clear(&mut self) {
        self.entries.clear();
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.entries.iter().map(|(_, v)| v)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

impl<K, V> IntoIterator for SmallMap<K, V> {
    type Item = (K, V);
    type IntoIter = std::vec::IntoIter<(K, V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

#[cfg(test)]
mod tests {
    use super::SmallMap;

    #[test]
    fn behaves_as_a_map_in_insertion_order() {
        let mut m = SmallMap::new();
        assert_eq!(m.insert(3, "c"), None);
        assert_eq!(m.insert(1, "a"), None);
        assert_eq!(m.insert(2, "b"), None);
        assert_eq!(m.insert(1, "A"), Some("a"), "a second insert replaces and returns the old value");
        assert_eq!(m.len(), 3);
        assert_eq!(m.iter().map(|(k, v)| (*k, *v)).collect::<Vec<_>>(), [(3, "c"), (1, "A"), (2, "b")]);
        assert_eq!(m.get(&2), Some(&"b"));
        assert!(m.contains_key(&3) && !m.contains_key(&4));
        if let Some(v) = m.get_mut(&3) {
            *v = "C";
        }
        assert_eq!(m.remove(&3), Some("C"));
        assert_eq!(m.remove(&3), None);
        m.retain(|k, _| *k != 2);
        assert_eq!(m.values().copied().collect::<Vec<_>>(), ["A"]);
        m.clear();
        assert!(m.is_empty() && m.get(&1).is_none());
    }
}
