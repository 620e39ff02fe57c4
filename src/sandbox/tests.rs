//! Behaviour of the sandbox as a whole.

#[test]
fn dump() {
    let d = super::directory::Directory::generate();
    println!("count {}", d.all().len());
    for i in d.popular(&Default::default()).iter().take(30) { println!("{} {} {} {:?} oauth={}", i.popularity, i.name, i.code, i.login_form, i.supports_oauth); }
    for i in d.all().iter().step_by(17) { println!("{} | {} | {} | {} | {}", i.name, i.code, i.routing_number, i.url, i.iso_country_code); }
    println!("oauth: {:?}", d.all().iter().filter(|i| i.supports_oauth).map(|i| &i.name).collect::<Vec<_>>());
    println!("discovered: {:?}", d.discovered(&Default::default(), 5).iter().map(|i| &i.name).collect::<Vec<_>>());
    println!("valley: {:?}", d.search("valley", &Default::default()).iter().take(8).map(|i| &i.name).collect::<Vec<_>>());
    println!("mx routing {:?}", d.by_code("mxbank").map(|i| &i.routing_number));
}
