//! The demo storefront's people and catalog: members, counselors and their tokens, sellers
//! and their keys, the type tree, answer templates, and goods with generated images.

use chrono::{DateTime, Utc};

use super::{
    content::{
        ANSWER_TEMPLATES, BRANDS, COUNSELOR_NAMES, GOODS_BASES, MEMBER_CONTACTS, MEMBER_NAMES,
        TYPE_TREE,
    },
    counselor_no, image, member_no, Stats, Uploads, DEMO_MEMBERS, DEMO_TOKENS, DEMO_VENDORS,
    GOODS_COUNT,
};
use crate::{
    auth::token_hash,
    blobs::Kind,
    feed::{self, GoodsItem, MemberItem, OptionItem, SellerItem},
    model::db_time,
    store::{records::TemplateRecord, NewType, TokenRole, Tx},
};

/// A seed item the feed refused is a bug in the seed.
fn fed(errors: Vec<crate::error::FieldError>) -> Result<()> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(format!("the demo seed fed an item the feed refuses: {errors:?}").into())
    }
}

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// A seeded product, as the inquiries need it.
pub struct GoodsRow {
    pub goods_no: String,
    /// With the brand, as the transfer note writes it.
    pub goods_nm: String,
    pub price: i64,
    pub items: Vec<String>,
    /// Index into DEMO_VENDORS.
    pub vendor: usize,
}

/// Members, counselors, tokens, sellers, the type tree and the templates.
pub fn people(tx: &mut dyn Tx, now: DateTime<Utc>) -> Result<Stats> {
    let created = db_time(now);
    // Members, sellers and goods go in as a store feeds them (crate::feed).
    for (i, (name, contact)) in MEMBER_NAMES.iter().zip(MEMBER_CONTACTS).enumerate() {
        fed(feed::member(
            tx,
            &MemberItem {
                mbr_no: member_no(i),
                mbr_nm: (*name).to_owned(),
                mbr_phone: Some(contact.0.to_owned()),
                mbr_email: Some(contact.1.to_owned()),
                lang_cd: Some(contact.2.to_owned()),
            },
        )?)?;
    }
    for (i, name) in COUNSELOR_NAMES.iter().enumerate() {
        tx.upsert_counselor(&counselor_no(i), name)?;
    }
    for (i, (token, _)) in DEMO_TOKENS.iter().enumerate() {
        let (role, subject) = if i < DEMO_MEMBERS {
            (TokenRole::Member, member_no(i))
        } else {
            (TokenRole::Counselor, counselor_no(i - DEMO_MEMBERS))
        };
        tx.insert_token(&token_hash(token), role, &subject, &created)?;
        if *token == super::DEMO_MANAGER_TOKEN {
            tx.set_manager(&subject, true)?;
        }
    }
    for (vendor_id, name, access, secret) in DEMO_VENDORS {
        fed(feed::seller(
            tx,
            &SellerItem {
                vendor_id: (*vendor_id).to_owned(),
                vendor_nm: (*name).to_owned(),
            },
        )?)?;
        tx.issue_vendor_key(access, vendor_id, secret, &created)?;
    }
    for (li, large) in TYPE_TREE.iter().enumerate() {
        tx.insert_type(&NewType {
            no: large.no,
            name: large.name,
            parent: None,
            sort_seq: li as u32 + 1,
            goods_required: false,
            answer_days: 1,
        })?;
        for (ci, leaf) in large.children.iter().enumerate() {
            tx.insert_type(&NewType {
                no: leaf.no,
                name: leaf.name,
                parent: Some(large.no),
                sort_seq: ci as u32 + 1,
                goods_required: leaf.goods_required,
                answer_days: super::content::answer_days(leaf.no),
            })?;
        }
    }
    for (i, t) in ANSWER_TEMPLATES.iter().enumerate() {
        tx.insert_template(
            &TemplateRecord {
                no: format!("T{:03}", i + 1),
                type_no: t.0.map(str::to_owned),
                name: t.1.to_owned(),
                content: t.2.to_owned(),
                owner: None,
                use_count: 0,
            },
            i as u32 + 1,
        )?;
    }
    Ok(Stats {
        members: MEMBER_NAMES.len(),
        ..Stats::default()
    })
}

/// Goods: every family with brands in turn until the catalog is full, each with its image.
pub fn goods(tx: &mut dyn Tx, uploads: &Uploads, rng: &mut fastrand::Rng) -> Result<Vec<GoodsRow>> {
    let mut goods = Vec::with_capacity(GOODS_COUNT);
    'catalog: for round in 0.. {
        for (bi, base) in GOODS_BASES.iter().enumerate() {
            if goods.len() == GOODS_COUNT {
                break 'catalog;
            }
            let vendor = (bi + round * 5) % BRANDS.len();
            let brand = BRANDS[vendor];
            let goods_no = format!("G{:05}", goods.len() + 1);
            let goods_nm = if round == 0 {
                base.name.to_owned()
            } else {
                format!(
                    "{} {}",
                    base.name,
                    ["시즌2", "프리미엄", "베이직", "라이트", "에디션"][(round - 1) % 5]
                )
            };
            let step = ((base.price_max - base.price_min) / 100).max(1);
            let price = i64::from(base.price_min + rng.u32(0..=step) * 100);
            let img_file = format!("{goods_no}.png");
            uploads.put(
                Kind::Goods,
                &img_file,
                image::goods_png(base.hue, (goods.len() as u32) + round as u32),
            )?;
            let items: Vec<String> = (1..=base.options.len())
                .map(|n| format!("{n:03}"))
                .collect();
            fed(feed::goods(
                tx,
                &GoodsItem {
                    goods_no: goods_no.clone(),
                    goods_nm: goods_nm.clone(),
                    brand_nm: brand.to_owned(),
                    category_nm: base.category.to_owned(),
                    sale_prc: price,
                    img_url: Some(format!("/images/goods/{img_file}")),
                    vendor_id: Some(DEMO_VENDORS[vendor].0.to_owned()),
                    sale_start_dt: Some(format!("2025-{:02}-01", 1 + goods.len() % 12)),
                    sale_end_dt: Some("2099-12-31".to_owned()),
                    options: base
                        .options
                        .iter()
                        .zip(&items)
                        .enumerate()
                        .map(|(oi, (opt, itm_no))| OptionItem {
                            itm_no: itm_no.clone(),
                            itm_nm: (*opt).to_owned(),
                            vendor_item_id: Some(
                                3_000_000_000_i64 + (goods.len() as i64 + 1) * 100 + oi as i64 + 1,
                            ),
                        })
                        .collect(),
                },
            )?)?;
            goods.push(GoodsRow {
                goods_no,
                goods_nm: format!("[{brand}] {goods_nm}"),
                price,
                items,
                vendor,
            });
        }
    }
    Ok(goods)
}
